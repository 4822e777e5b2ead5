package org.relata.project;

/**
 * What the project feature needs of a project's documents when it copies a project. The document feature answers
 * (it owns the documents), so project depends on nothing above it.
 */
public interface ProjectDocuments {

    /** Copies the documents of one project (not those in its trash) into another, without annotations; the count. */
    long copyDocuments(long fromProjectId, long toProjectId);
}

package org.relata.project;

import java.util.List;

/**
 * How far a project's annotators are, as the project page shows it. The annotation feature answers (it owns the
 * layers), so project needs no SQL of its own over them.
 */
public interface ProjectProgress {

    /** myStatus is the caller's layer's status (NEW without one); doneLayers and layers count annotators' layers. */
    record DocumentRow(Long id, String externalId, int length, String myStatus, long doneLayers, long layers) {
    }

    /**
     * A page of the project's documents, in external id order, with the user's and everyone's progress; with
     * {@code onlyAssigned} (a blind project's annotator) only the documents assigned to the user.
     */
    List<DocumentRow> documents(long projectId, long userId, boolean onlyAssigned, int limit, long offset);

    /** How many documents the project has; with {@code onlyAssigned} how many are assigned to the user. */
    long documentCount(long projectId, long userId, boolean onlyAssigned);

    /** How many of the project's documents (with {@code onlyAssigned}: of those assigned) the user has marked done. */
    long doneBy(long projectId, long userId, boolean onlyAssigned);
}

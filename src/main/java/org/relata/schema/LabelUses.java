package org.relata.schema;

/**
 * What the annotations make of the schema's labels. The annotation feature answers (it owns spans and relations),
 * so schema needs no SQL over annotation tables and never depends on annotation.
 */
public interface LabelUses {

    long spansLabelled(long entityTypeId);

    long relationsLabelled(long relationTypeId);

    /** A renamed attribute keeps its values: moves them to the new name in every span or relation of the project. */
    void renameAttribute(long projectId, String target, String from, String to);
}

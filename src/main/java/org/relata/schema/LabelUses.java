package org.relata.schema;

/**
 * What the annotations make of the schema's labels. The annotation feature answers (it owns spans and relations),
 * so schema needs no SQL over annotation tables and never depends on annotation.
 */
public interface LabelUses {

    long spansLabelled(long entityTypeId);

    long relationsLabelled(long relationTypeId);

    /**
     * Merging an entity type: every span of {@code from} takes {@code into}, and the layers holding one step their
     * version. Answers how many spans were relabelled.
     */
    long relabelSpans(long from, long into);

    /** The distinct (head entity type, tail entity type) pairs of the relations labelled with this type. */
    java.util.List<long[]> relationPairs(long relationTypeId);

    /**
     * Merging a relation type: a relation of {@code from} that repeats one of {@code into} between the same spans (in
     * either direction when {@code into} is undirected) is removed, every other takes {@code into}, and the layers
     * holding one step their version. Answers {relabelled, removed}.
     */
    long[] relabelRelations(long from, long into, boolean intoDirected);

    /** A renamed attribute keeps its values: moves them to the new name in every span or relation of the project. */
    void renameAttribute(long projectId, String target, String from, String to);
}

package org.relata.curation;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON shapes of the curation calls. Offsets are code points, end-exclusive. */
@RegisterForReflection
public final class CurationViews {

    private CurationViews() {
    }

    /**
     * An annotator whose layer counts for this document, how far they got, and their layer's version (what live
     * updates announce: the page reads the view again when it grows).
     */
    public record AnnotatorView(String username, String status, long version) {
    }

    /** The gold layer: status NEW and version 0 while nobody has written it. */
    public record GoldView(String status, long version) {
    }

    /**
     * One annotation as the annotators proposed it (the same start, end and label in each layer). agreement is the
     * number of proposers; disagreement is true while it is neither in gold nor rejected.
     */
    public record SpanItem(String key, int start, int end, String label, List<String> proposers, int agreement,
            boolean inGold, Long goldId, boolean rejected, boolean disagreement) {
    }

    /** A relation's argument, named by what it is rather than by a row. */
    public record Argument(String key, int start, int end, String label) {
    }

    /** One relation: same type, both arguments the same spans, same direction (either way when undirected). */
    public record RelationItem(String key, String label, boolean directed, Argument head, Argument tail,
            List<String> proposers, int agreement, boolean inGold, Long goldId, boolean rejected,
            boolean disagreement) {
    }

    /** The merged view of a document. required is how many annotators must agree for pre-acceptance. */
    public record CurationView(long document, String externalId, double preAcceptShare, int required,
            List<AnnotatorView> annotators, GoldView gold, int disagreements, List<SpanItem> spans,
            List<RelationItem> relations) {
    }

    /** Names one item of the merged view by its key. */
    public record ItemRef(String key) {
    }

    /** The answer of a change to gold: gold's version after it, for the next If-Match. */
    public interface GoldChanged {
        long version();
    }

    public record Started(int preAccepted, long version) implements GoldChanged {
    }

    public record Decided(String key, long version) implements GoldChanged {
    }

    public record Settings(Double preAcceptShare) {
    }
}

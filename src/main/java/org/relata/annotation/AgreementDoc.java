package org.relata.annotation;

import java.util.List;
import java.util.SortedMap;

/** One document with the layers its annotators marked done: what agreement is computed on, one document at a time. */
public record AgreementDoc(long id, String externalId, String text, SortedMap<String, Marks> byAnnotator) {

    /** One annotator's spans and relations in the document. */
    public record Marks(List<SpanMark> spans, List<RelationMark> relations) {
    }

    /** A span by its offsets (code points, end-exclusive) and label. */
    public record SpanMark(int start, int end, String label) {

        public boolean overlaps(SpanMark other) {
            return start < other.end && other.start < end;
        }
    }

    /** A relation by its label and argument spans; direction is ignored when the relation type is undirected. */
    public record RelationMark(String label, SpanMark head, SpanMark tail, boolean directed) {
    }
}

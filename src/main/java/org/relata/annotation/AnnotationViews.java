package org.relata.annotation;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON shapes of the "Documents and annotations" calls. Offsets are code points, end-exclusive. */
@RegisterForReflection
public final class AnnotationViews {

    private AnnotationViews() {
    }

    /** {@code fragments}: a discontinuous span's pieces (null when contiguous); {@code links}: entity links. */
    public record SpanView(Long id, int start, int end, String label, Map<String, Object> attributes, String note,
            List<List<Integer>> fragments, List<Map<String, Object>> links) {

        static SpanView of(Span span) {
            return new SpanView(span.id, span.start, span.end, span.type.name, span.attributes, span.note,
                    span.fragments, span.links);
        }
    }

    /** brat's equivalence set: spans that name the same thing. */
    public record EquivalenceView(long id, String type, List<Long> spans) {
    }

    /** An event: its trigger span, type and ordered arguments. */
    public record EventView(long id, String type, long trigger, List<ArgumentView> arguments,
            Map<String, Object> attributes, String note) {
    }

    /** One argument: exactly one of span and event is set. */
    public record ArgumentView(String role, Long span, Long event) {
    }

    public record RelationView(Long id, Long head, Long tail, String label, Map<String, Object> attributes,
            String note) {

        static RelationView of(Relation relation) {
            return new RelationView(relation.id, relation.head.id, relation.tail.id, relation.type.name,
                    relation.attributes, relation.note);
        }
    }

    /** A layer with everything in it, sent once when a document opens. */
    public record LayerView(String owner, String status, long version, boolean editable, List<SpanView> spans,
            List<RelationView> relations, List<EquivalenceView> equivalences, List<EventView> events) {
    }

    /** {@code fragments} makes a discontinuous span (start and end may then be left out: the outer bounds). */
    public record NewSpan(Integer start, Integer end, String label, Map<String, Object> attributes, String note,
            List<List<Integer>> fragments, List<Map<String, Object>> links) {

        /** A contiguous span without links. */
        public NewSpan(Integer start, Integer end, String label, Map<String, Object> attributes, String note) {
            this(start, end, label, attributes, note, null, null);
        }
    }

    public record NewRelation(Long head, Long tail, String label, Map<String, Object> attributes, String note) {
    }

    public record StatusChange(String status) {
    }

    public record Created(Long id, long version) {
    }

    public record Written(long version) {
    }

    public record SpanDeleted(long version, long relationsDeleted) {
    }
}

package org.relata.annotation;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON shapes of the "Documents and annotations" calls. Offsets are code points, end-exclusive. */
@RegisterForReflection
public final class AnnotationViews {

    private AnnotationViews() {
    }

    public record SpanView(Long id, int start, int end, String label, Map<String, Object> attributes, String note) {

        static SpanView of(Span span) {
            return new SpanView(span.id, span.start, span.end, span.type.name, span.attributes, span.note);
        }
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
            List<RelationView> relations) {
    }

    public record NewSpan(Integer start, Integer end, String label, Map<String, Object> attributes, String note) {
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

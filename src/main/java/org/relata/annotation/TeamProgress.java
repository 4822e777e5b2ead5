package org.relata.annotation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The answer of GET /api/projects/{id}/progress: per annotator, per label and per document. */
public record TeamProgress(List<AnnotatorProgress> annotators, List<LabelCounts> labels, List<DocumentProgress> documents) {

    /** inProgress and done count the member's layers by status; lastActivity is their latest layer write. */
    public record AnnotatorProgress(String annotator, String role, long assigned, long inProgress, long done,
            long spans, long relations, OffsetDateTime lastActivity) {
    }

    /** kind: "span" or "relation"; byAnnotator leaves out annotators who never used the label. */
    public record LabelCounts(String label, String kind, long gold, Map<String, Long> byAnnotator) {
    }

    public record DocumentProgress(long document, String externalId, List<String> assigned, List<String> done) {
    }
}

package org.relata.workflow;

import java.util.List;
import java.util.Map;

/**
 * The answer of GET /api/projects/{id}/agreement. Its shape is stable: scripts rely on it. A figure without anything
 * to rest on (no common documents, one annotator, nothing labelled) is null.
 */
public record Agreement(int documents, List<String> annotators, Modes spans, Modes relations, Tokens tokens) {

    public record Modes(Metric exact, Metric overlap) {
    }

    /** Project figures are the means over the pairs that have one; labels hold the same figures per label. */
    public record Metric(Double f1, Double precision, Double recall, List<PairScore> pairs,
            Map<String, LabelMetric> labels) {
    }

    public record LabelMetric(Double f1, Double precision, Double recall, List<PairScore> pairs) {
    }

    /** F1 between a and b (symmetric), with the counts it rests on; a is the reference for false positives/negatives. */
    public record PairScore(String a, String b, Double f1, long tp, long fp, long fn) {
    }

    public record Tokens(List<CohenScore> cohen, Double fleiss, Double alpha) {
    }

    public record CohenScore(String a, String b, Double kappa, long units) {
    }
}

package org.relata.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.relata.workflow.Agreement.LabelMetric;
import org.relata.workflow.Agreement.Metric;
import org.relata.workflow.Agreement.PairScore;

/** Counts tp/fp/fn per annotator pair and label over all documents (micro-averaging), and turns them into figures. */
final class MatchTally {

    /** pair "a\tb" → label → {tp, fp, fn}; usernames cannot hold a tab. */
    private final Map<String, Map<String, long[]>> counts = new TreeMap<>();

    void pairSeen(String a, String b) {
        counts.computeIfAbsent(a + "\t" + b, k -> new TreeMap<>());
    }

    void add(String a, String b, Map<String, long[]> byLabel) {
        Map<String, long[]> pair = counts.computeIfAbsent(a + "\t" + b, k -> new TreeMap<>());
        byLabel.forEach((label, c) -> {
            long[] sum = pair.computeIfAbsent(label, k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        });
    }

    Metric metric() {
        List<PairScore> pairs = scores(byLabel -> total(byLabel.values()));
        TreeMap<String, LabelMetric> labels = new TreeMap<>();
        for (Map<String, long[]> byLabel : counts.values()) {
            for (String label : byLabel.keySet()) {
                labels.computeIfAbsent(label, l -> {
                    List<PairScore> perPair = scores(m -> m.getOrDefault(l, new long[3]));
                    return new LabelMetric(meanF1(perPair), mean(perPair, Matching.FP), mean(perPair, Matching.FN), perPair);
                });
            }
        }
        return new Metric(meanF1(pairs), mean(pairs, Matching.FP), mean(pairs, Matching.FN), pairs, labels);
    }

    private List<PairScore> scores(Function<Map<String, long[]>, long[]> countsOfPair) {
        List<PairScore> scores = new ArrayList<>();
        counts.forEach((key, byLabel) -> {
            String[] names = key.split("\t");
            long[] c = countsOfPair.apply(byLabel);
            scores.add(new PairScore(names[0], names[1], f1(c[Matching.TP], c[Matching.FP], c[Matching.FN]),
                    c[Matching.TP], c[Matching.FP], c[Matching.FN]));
        });
        return scores;
    }

    private static long[] total(Iterable<long[]> byLabel) {
        long[] sum = new long[3];
        for (long[] c : byLabel) {
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        return sum;
    }

    /** 2tp / (2tp + fp + fn): the same whichever annotator is the reference. */
    static Double f1(long tp, long fp, long fn) {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? null : 2.0 * tp / denominator;
    }

    /** tp / (tp + errors): precision with errors = fp, recall with errors = fn. */
    static Double ratio(long tp, long errors) {
        return tp + errors == 0 ? null : (double) tp / (tp + errors);
    }

    private static Double meanF1(List<PairScore> scores) {
        return average(scores.stream().map(PairScore::f1).toList());
    }

    private static Double mean(List<PairScore> scores, int errorKind) {
        return average(scores.stream()
                .map(s -> ratio(s.tp(), errorKind == Matching.FP ? s.fp() : s.fn())).toList());
    }

    /** Mean of the figures that exist; null when none does. */
    static Double average(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double value : values) {
            if (value != null) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}

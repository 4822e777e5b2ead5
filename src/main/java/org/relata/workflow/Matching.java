package org.relata.workflow;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.relata.annotation.AgreementDoc.RelationMark;
import org.relata.annotation.AgreementDoc.SpanMark;

/**
 * Pairs one annotator's annotations of a document with another's, one to one, and counts per label true positives
 * (matched), false positives (only the second has it) and false negatives (only the first, the reference, has it).
 * Exact matches are paired first; in overlap mode the rest are then paired greedily in document order, so the
 * overlap figure is never below the exact one.
 */
final class Matching {

    static final int TP = 0;
    static final int FP = 1;
    static final int FN = 2;

    private Matching() {
    }

    static Map<String, long[]> spans(List<SpanMark> reference, List<SpanMark> other, boolean overlap) {
        return count(reference, other, SpanMark::label, Matching::sameSpan,
                overlap ? Matching::overlappingSpan : null);
    }

    static Map<String, long[]> relations(List<RelationMark> reference, List<RelationMark> other, boolean overlap) {
        return count(reference, other, RelationMark::label,
                (a, b) -> sameRelation(a, b, Matching::sameSpan),
                overlap ? (a, b) -> sameRelation(a, b, Matching::overlappingSpan) : null);
    }

    private static boolean sameSpan(SpanMark a, SpanMark b) {
        return a.equals(b);
    }

    private static boolean overlappingSpan(SpanMark a, SpanMark b) {
        return a.label().equals(b.label()) && a.overlaps(b);
    }

    /** Same label and arguments; for an undirected type, the arguments may come in either order. */
    private static boolean sameRelation(RelationMark a, RelationMark b, BiPredicate<SpanMark, SpanMark> argumentsMatch) {
        if (!a.label().equals(b.label())) {
            return false;
        }
        if (argumentsMatch.test(a.head(), b.head()) && argumentsMatch.test(a.tail(), b.tail())) {
            return true;
        }
        return !a.directed() && argumentsMatch.test(a.head(), b.tail()) && argumentsMatch.test(a.tail(), b.head());
    }

    private static <T> Map<String, long[]> count(List<T> reference, List<T> other, Function<T, String> label,
            BiPredicate<T, T> exact, BiPredicate<T, T> loose) {
        boolean[] referenceUsed = new boolean[reference.size()];
        boolean[] otherUsed = new boolean[other.size()];
        Map<String, long[]> counts = new TreeMap<>();
        pair(reference, other, exact, referenceUsed, otherUsed, label, counts);
        if (loose != null) {
            pair(reference, other, loose, referenceUsed, otherUsed, label, counts);
        }
        for (int i = 0; i < reference.size(); i++) {
            if (!referenceUsed[i]) {
                counts.computeIfAbsent(label.apply(reference.get(i)), k -> new long[3])[FN]++;
            }
        }
        for (int j = 0; j < other.size(); j++) {
            if (!otherUsed[j]) {
                counts.computeIfAbsent(label.apply(other.get(j)), k -> new long[3])[FP]++;
            }
        }
        return counts;
    }

    private static <T> void pair(List<T> reference, List<T> other, BiPredicate<T, T> matches, boolean[] referenceUsed,
            boolean[] otherUsed, Function<T, String> label, Map<String, long[]> counts) {
        for (int i = 0; i < reference.size(); i++) {
            if (referenceUsed[i]) {
                continue;
            }
            for (int j = 0; j < other.size(); j++) {
                if (!otherUsed[j] && matches.test(reference.get(i), other.get(j))) {
                    referenceUsed[i] = true;
                    otherUsed[j] = true;
                    counts.computeIfAbsent(label.apply(reference.get(i)), k -> new long[3])[TP]++;
                    break;
                }
            }
        }
    }
}

package org.relata.workflow;

import java.util.HashMap;
import java.util.Map;

/**
 * Cohen's kappa between two raters, accumulated unit by unit so that no unit is kept: kappa needs only the number of
 * units, how many of them the raters agree on, and each rater's count per category.
 */
final class CohenKappa {

    private long units;
    private long agreed;
    private final Map<Integer, Long> firstCounts = new HashMap<>();
    private final Map<Integer, Long> secondCounts = new HashMap<>();

    /** One unit: the category each rater gave it. */
    void add(int first, int second) {
        units++;
        if (first == second) {
            agreed++;
        }
        firstCounts.merge(first, 1L, Long::sum);
        secondCounts.merge(second, 1L, Long::sum);
    }

    long units() {
        return units;
    }

    /** (p_o - p_e) / (1 - p_e); null without units or when chance agreement is already perfect (p_e = 1). */
    Double kappa() {
        if (units == 0) {
            return null;
        }
        double n = units;
        double observed = agreed / n;
        double expected = 0;
        for (Map.Entry<Integer, Long> entry : firstCounts.entrySet()) {
            expected += (entry.getValue() / n) * (secondCounts.getOrDefault(entry.getKey(), 0L) / n);
        }
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }
}

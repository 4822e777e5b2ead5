package org.relata.workflow;

import java.util.Arrays;

/**
 * Cohen's kappa between two raters, accumulated unit by unit so that no unit is kept: kappa needs only the number of
 * units, how many of them the raters agree on, and each rater's count per category. Categories are small numbers
 * (0, 1, 2, ...), so the counts are arrays.
 */
final class CohenKappa {

    private long units;
    private long agreed;
    private long[] firstCounts = new long[8];
    private long[] secondCounts = new long[8];

    /** One unit: the category each rater gave it. */
    void add(int first, int second) {
        units++;
        if (first == second) {
            agreed++;
        }
        int needed = Math.max(first, second) + 1;
        if (needed > firstCounts.length) {
            firstCounts = Arrays.copyOf(firstCounts, Math.max(needed, 2 * firstCounts.length));
            secondCounts = Arrays.copyOf(secondCounts, firstCounts.length);
        }
        firstCounts[first]++;
        secondCounts[second]++;
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
        for (int c = 0; c < firstCounts.length; c++) {
            expected += (firstCounts[c] / n) * (secondCounts[c] / n);
        }
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }
}

package org.relata.workflow;

import java.util.Arrays;

/** Per category totals over units, in an array indexed by the category's small number. */
final class UnitCounts {

    private long[] totals = new long[8];

    /** Σ_c n_uc² of one unit's values, from pairwise comparison (a unit has only a few raters). */
    static long squares(int[] values) {
        long squares = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                if (values[i] == values[j]) {
                    squares++;
                }
            }
        }
        return squares;
    }

    void addAll(int[] values) {
        for (int value : values) {
            if (value >= totals.length) {
                totals = Arrays.copyOf(totals, Math.max(value + 1, 2 * totals.length));
            }
            totals[value]++;
        }
    }

    long[] totals() {
        return totals;
    }
}

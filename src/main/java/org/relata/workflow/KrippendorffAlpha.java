package org.relata.workflow;

/**
 * Krippendorff's alpha for nominal data, accumulated unit by unit. A unit counts when at least two raters rated it
 * (others may be missing). With o the coincidence matrix, n_c its row sums and n their total:
 * alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k. A unit with m_u values adds
 * (m_u^2 - sum_c n_uc^2) / (m_u - 1) to the off-diagonal sum of o, so the matrix itself is never kept.
 */
final class KrippendorffAlpha {

    private double disagreement;
    private final UnitCounts pairable = new UnitCounts();

    /** One unit: the categories of the raters who rated it. */
    void add(int[] values) {
        int m = values.length;
        if (m < 2) {
            return; // a value nobody else rated cannot be paired
        }
        pairable.addAll(values);
        disagreement += ((double) m * m - UnitCounts.squares(values)) / (m - 1);
    }

    /** Null without pairable values or when every value is the same category (no expected disagreement). */
    Double alpha() {
        double n = 0;
        double squares = 0;
        for (long count : pairable.totals()) {
            n += count;
            squares += (double) count * count;
        }
        double expected = n * n - squares;
        if (n < 2 || expected <= 0) {
            return null;
        }
        return 1 - (n - 1) * disagreement / expected;
    }
}

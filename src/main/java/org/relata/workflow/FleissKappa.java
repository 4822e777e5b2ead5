package org.relata.workflow;

/**
 * Fleiss' kappa over units that the same number of raters each rated once, accumulated unit by unit: it needs only
 * the sum of the units' agreement P_i and the total count per category.
 */
final class FleissKappa {

    private long units;
    private int raters;
    private double agreementSum;
    private final UnitCounts categoryTotals = new UnitCounts();

    /** One unit: the category each rater gave it (the same number of raters for every unit). */
    void add(int[] values) {
        int n = values.length;
        if (raters != 0 && n != raters) {
            throw new IllegalArgumentException("Fleiss' kappa needs the same number of raters for every unit");
        }
        raters = n;
        units++;
        categoryTotals.addAll(values);
        // P_i = (sum_j n_ij^2 - n) / (n (n - 1))
        agreementSum += (UnitCounts.squares(values) - n) / ((double) n * (n - 1));
    }

    /** (P̄ - P̄_e) / (1 - P̄_e); null without units, with fewer than two raters, or when P̄_e = 1. */
    Double kappa() {
        if (units == 0 || raters < 2) {
            return null;
        }
        double observed = agreementSum / units;
        double total = (double) units * raters;
        double expected = 0;
        for (long count : categoryTotals.totals()) {
            expected += (count / total) * (count / total);
        }
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }
}

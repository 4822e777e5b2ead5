package org.relata.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The three chance-corrected coefficients against published worked examples and their edge cases. */
class CoefficientsTest {

    private static final int YES = 1;
    private static final int NO = 2;

    /**
     * The worked example of the Wikipedia article "Cohen's kappa": 50 grant proposals; both readers say yes to 20,
     * both no to 15, A yes / B no 5, A no / B yes 10. p_o = 35/50 = 0.7; A says yes 25/50, B 30/50, so
     * p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
     */
    @Test
    void cohensKappaMatchesThePublishedExample() {
        CohenKappa kappa = new CohenKappa();
        add(kappa, YES, YES, 20);
        add(kappa, YES, NO, 5);
        add(kappa, NO, YES, 10);
        add(kappa, NO, NO, 15);
        assertEquals(0.4, kappa.kappa(), 1e-12);
        assertEquals(50, kappa.units());
    }

    @Test
    void cohensKappaIsNullWithoutUnitsOrWhenEverythingIsOneCategory() {
        assertNull(new CohenKappa().kappa());
        CohenKappa allOutside = new CohenKappa();
        add(allOutside, NO, NO, 10);
        assertNull(allOutside.kappa());
    }

    /**
     * Fleiss (1971) as worked in the Wikipedia article "Fleiss' kappa": 14 raters put 10 subjects into 5 categories.
     * P̄ = 3.780 / 10 = 0.378, P̄_e = 0.213 (p_j = 0.143, 0.200, 0.279, 0.150, 0.229), kappa = 0.210.
     */
    @Test
    void fleissKappaMatchesThePublishedExample() {
        int[][] table = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        FleissKappa fleiss = new FleissKappa();
        for (int[] row : table) {
            fleiss.add(values(row));
        }
        assertEquals(0.210, fleiss.kappa(), 0.0005);
    }

    /**
     * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), nominal example: 4 observers, 12 units,
     * missing values (0 below); unit 12 has one value and is not pairable. The paper's result is alpha = 0.743.
     */
    @Test
    void krippendorffsAlphaMatchesThePublishedExample() {
        int[][] byObserver = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
            {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0},
        };
        KrippendorffAlpha alpha = new KrippendorffAlpha();
        for (int unit = 0; unit < 12; unit++) {
            List<Integer> values = new ArrayList<>();
            for (int[] observer : byObserver) {
                if (observer[unit] != 0) {
                    values.add(observer[unit]);
                }
            }
            alpha.add(values.stream().mapToInt(Integer::intValue).toArray());
        }
        assertEquals(0.743, alpha.alpha(), 0.0005);
    }

    @Test
    void alphaAndFleissAreNullWhenThereIsNothingToCompare() {
        assertNull(new KrippendorffAlpha().alpha());
        assertNull(new FleissKappa().kappa());
        KrippendorffAlpha sameEverywhere = new KrippendorffAlpha();
        sameEverywhere.add(new int[] {NO, NO, NO});
        sameEverywhere.add(new int[] {NO, NO});
        assertNull(sameEverywhere.alpha());
    }

    private static void add(CohenKappa kappa, int first, int second, int times) {
        for (int i = 0; i < times; i++) {
            kappa.add(first, second);
        }
    }

    /** A row of category counts as one value per rater. */
    private static int[] values(int[] countsByCategory) {
        List<Integer> values = new ArrayList<>();
        for (int category = 0; category < countsByCategory.length; category++) {
            for (int i = 0; i < countsByCategory[category]; i++) {
                values.add(category);
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}

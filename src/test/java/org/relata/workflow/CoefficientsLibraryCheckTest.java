package org.relata.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.junit.jupiter.api.Test;
import org.relata.annotation.AgreementDoc;
import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.AgreementDoc.SpanMark;
import org.relata.exchange.codec.TokenBounds;

/**
 * The chance-corrected coefficients are computed by Relata's own streaming counters (they keep no units, so a large
 * project fits in a small heap). This checks them against DKPro Statistics, the library INCEpTION computes its
 * agreement with, which holds the whole study in memory: on random ratings, and on the token units the agreement
 * call builds from documents.
 */
class CoefficientsLibraryCheckTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void eachCoefficientEqualsTheLibrarysOnRandomRatings() {
        Random random = new Random(7);
        int compared = 0;
        for (int trial = 0; trial < 300; trial++) {
            int raters = 2 + random.nextInt(4);
            int categories = 2 + random.nextInt(5);
            int units = 1 + random.nextInt(300);
            // Skewed choices, so that raters agree more than chance on some trials and less on others.
            double skew = random.nextDouble();
            CohenKappa cohen = new CohenKappa();
            FleissKappa fleiss = new FleissKappa();
            KrippendorffAlpha alpha = new KrippendorffAlpha();
            CodingAnnotationStudy pairStudy = new CodingAnnotationStudy(2);
            CodingAnnotationStudy fullStudy = new CodingAnnotationStudy(raters);
            CodingAnnotationStudy missingStudy = new CodingAnnotationStudy(raters);
            for (int u = 0; u < units; u++) {
                int shared = random.nextInt(categories);
                int[] values = new int[raters];
                for (int r = 0; r < raters; r++) {
                    values[r] = random.nextDouble() < skew ? shared : random.nextInt(categories);
                }
                cohen.add(values[0], values[1]);
                pairStudy.addItem(values[0], values[1]);
                fleiss.add(values);
                fullStudy.addItemAsArray(boxed(values));
                // Alpha also takes units some raters left out: the calculator passes only the raters present.
                Integer[] withGaps = boxed(values);
                List<Integer> present = new ArrayList<>();
                for (int r = 0; r < raters; r++) {
                    if (random.nextInt(4) == 0) {
                        withGaps[r] = null;
                    } else {
                        present.add(values[r]);
                    }
                }
                alpha.add(present.stream().mapToInt(Integer::intValue).toArray());
                if (present.size() >= 2) {
                    missingStudy.addItemAsArray(withGaps);
                }
            }
            compared += same(cohen.kappa(), new CohenKappaAgreement(pairStudy).calculateAgreement(), "Cohen", trial);
            compared += same(fleiss.kappa(), new FleissKappaAgreement(fullStudy).calculateAgreement(), "Fleiss", trial);
            if (missingStudy.getItemCount() > 0) {
                compared += same(alpha.alpha(),
                        new KrippendorffAlphaAgreement(missingStudy, new NominalDistanceFunction()).calculateAgreement(),
                        "alpha", trial);
            }
        }
        assertTrue(compared > 800, "most trials give a figure to compare, got " + compared);
    }

    @Test
    void theAgreementCallsTokenFiguresEqualTheLibrarysOnTheSameUnits() {
        List<String> names = List.of("ana", "ben", "cho");
        AgreementCalculator calculator = new AgreementCalculator(names);
        Random random = new Random(11);
        Map<String, Integer> categories = new HashMap<>();
        CodingAnnotationStudy all = new CodingAnnotationStudy(names.size());
        CodingAnnotationStudy everyoneThere = new CodingAnnotationStudy(names.size());
        Map<String, CodingAnnotationStudy> pairs = new TreeMap<>();
        for (int d = 0; d < 60; d++) {
            AgreementDoc doc = document(d, names, random);
            calculator.add(doc);
            TokenBounds tokens = TokenBounds.of(doc.text());
            Map<String, int[]> tags = new TreeMap<>();
            doc.byAnnotator().forEach((name, marks) -> tags.put(name, TokenTags.tags(tokens, marks.spans(),
                    tag -> categories.computeIfAbsent(tag, t -> categories.size()))));
            for (int t = 0; t < tokens.size(); t++) {
                Integer[] unit = new Integer[names.size()];
                for (int r = 0; r < names.size(); r++) {
                    int[] own = tags.get(names.get(r));
                    unit[r] = own == null ? null : own[t];
                }
                all.addItemAsArray(unit);
                if (tags.size() == names.size()) {
                    everyoneThere.addItemAsArray(unit);
                }
                for (int a = 0; a < names.size(); a++) {
                    for (int b = a + 1; b < names.size(); b++) {
                        if (unit[a] != null && unit[b] != null) {
                            pairs.computeIfAbsent(names.get(a) + "/" + names.get(b), k -> new CodingAnnotationStudy(2))
                                    .addItem(unit[a], unit[b]);
                        }
                    }
                }
            }
        }
        Agreement.Tokens figures = calculator.result().tokens();

        assertNotNull(figures.alpha());
        assertEquals(new KrippendorffAlphaAgreement(all, new NominalDistanceFunction()).calculateAgreement(),
                figures.alpha(), TOLERANCE);
        assertEquals(new FleissKappaAgreement(everyoneThere).calculateAgreement(), figures.fleiss(), TOLERANCE);
        assertEquals(3, figures.cohen().size());
        for (Agreement.CohenScore score : figures.cohen()) {
            CodingAnnotationStudy pair = pairs.get(score.a() + "/" + score.b());
            assertEquals(pair.getItemCount(), score.units());
            assertEquals(new CohenKappaAgreement(pair).calculateAgreement(), score.kappa(), TOLERANCE,
                    score.a() + "/" + score.b());
        }
    }

    /** Ours is null exactly where the library's figure is undefined (NaN); otherwise the two are equal. */
    private static int same(Double ours, double library, String coefficient, int trial) {
        if (Double.isNaN(library) || Double.isInfinite(library)) {
            assertNull(ours, coefficient + " in trial " + trial);
            return 0;
        }
        assertNotNull(ours, coefficient + " in trial " + trial + ": the library gives " + library);
        assertEquals(library, ours, TOLERANCE, coefficient + " in trial " + trial);
        return 1;
    }

    private static Integer[] boxed(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /** Words of random letters, spans over one or two words with one of three labels; the third annotator marked
     * only every other document done, so alpha sees units with a missing rater and Fleiss leaves those out. */
    private static AgreementDoc document(int id, List<String> names, Random random) {
        StringBuilder text = new StringBuilder();
        List<int[]> words = new ArrayList<>();
        while (text.length() < 300) {
            int start = text.length();
            for (int i = 1 + random.nextInt(7); i > 0; i--) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            words.add(new int[] {start, text.length()});
            text.append(random.nextInt(9) == 0 ? ". " : " ");
        }
        String[] labels = {"PER", "ORG", "LOC"};
        TreeMap<String, Marks> byAnnotator = new TreeMap<>();
        for (int r = 0; r < names.size(); r++) {
            if (r == 2 && id % 2 == 1) {
                continue;
            }
            List<SpanMark> spans = new ArrayList<>();
            for (int w = 0; w < words.size() - 1; w++) {
                if (random.nextInt(4) == 0) {
                    int last = w + random.nextInt(2);
                    spans.add(new SpanMark(words.get(w)[0], words.get(last)[1], labels[(w + random.nextInt(2)) % 3]));
                }
            }
            byAnnotator.put(names.get(r), new Marks(spans, List.of()));
        }
        return new AgreementDoc(id, "doc-" + id, text.toString(), byAnnotator);
    }
}

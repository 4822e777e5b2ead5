package org.relata.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.relata.workflow.Agreement.CohenScore;
import org.relata.workflow.Agreement.Modes;
import org.relata.workflow.Agreement.Tokens;
import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.AgreementDoc;
import org.relata.exchange.codec.TokenBounds;

/**
 * Takes the documents one at a time and keeps only counts, so memory does not grow with the project: span and
 * relation matches per pair and label, and the running sums of the three chance-corrected coefficients.
 */
public final class AgreementCalculator {

    private final List<String> annotators;
    private int documents;
    private final MatchTally exactSpans = new MatchTally();
    private final MatchTally overlapSpans = new MatchTally();
    private final MatchTally exactRelations = new MatchTally();
    private final MatchTally overlapRelations = new MatchTally();
    private final Map<String, CohenKappa> cohen = new TreeMap<>();
    private final FleissKappa fleiss = new FleissKappa();
    private final KrippendorffAlpha alpha = new KrippendorffAlpha();
    /** Tags (B-X, I-X, O) as small numbers, so units hold ints. */
    private final Map<String, Integer> categories = new HashMap<>();

    /** {@code annotators}: everyone who marked done a document that someone else marked done too, sorted. */
    public AgreementCalculator(List<String> annotators) {
        this.annotators = annotators;
    }

    public void add(AgreementDoc doc) {
        if (doc.byAnnotator().size() < 2) {
            return;
        }
        documents++;
        List<String> names = new ArrayList<>(doc.byAnnotator().keySet());
        TokenBounds tokens = TokenBounds.of(doc.text());
        int[][] tags = new int[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            tags[i] = TokenTags.tags(tokens, doc.byAnnotator().get(names.get(i)).spans(), this::category);
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                comparePair(names.get(i), names.get(j), doc.byAnnotator().get(names.get(i)),
                        doc.byAnnotator().get(names.get(j)), tags[i], tags[j]);
            }
        }
        // Fleiss' kappa needs every annotator on every unit: it only counts documents all of them marked done.
        boolean everyone = names.size() == annotators.size();
        int[] unit = new int[names.size()];
        for (int t = 0; t < tokens.size(); t++) {
            for (int i = 0; i < tags.length; i++) {
                unit[i] = tags[i][t];
            }
            alpha.add(unit);
            if (everyone) {
                fleiss.add(unit);
            }
        }
    }

    private void comparePair(String a, String b, Marks first, Marks second, int[] firstTags, int[] secondTags) {
        for (MatchTally tally : List.of(exactSpans, overlapSpans, exactRelations, overlapRelations)) {
            tally.pairSeen(a, b);
        }
        exactSpans.add(a, b, Matching.spans(first.spans(), second.spans(), false));
        overlapSpans.add(a, b, Matching.spans(first.spans(), second.spans(), true));
        exactRelations.add(a, b, Matching.relations(first.relations(), second.relations(), false));
        overlapRelations.add(a, b, Matching.relations(first.relations(), second.relations(), true));
        CohenKappa kappa = cohen.computeIfAbsent(a + "\t" + b, k -> new CohenKappa());
        for (int t = 0; t < firstTags.length; t++) {
            kappa.add(firstTags[t], secondTags[t]);
        }
    }

    private int category(String tag) {
        Integer id = categories.get(tag);
        if (id == null) {
            id = categories.size();
            categories.put(tag, id);
        }
        return id;
    }

    public Agreement result() {
        List<CohenScore> kappas = new ArrayList<>();
        cohen.forEach((key, kappa) -> {
            String[] names = key.split("\t");
            kappas.add(new CohenScore(names[0], names[1], kappa.kappa(), kappa.units()));
        });
        return new Agreement(documents, annotators,
                new Modes(exactSpans.metric(), overlapSpans.metric()),
                new Modes(exactRelations.metric(), overlapRelations.metric()),
                new Tokens(kappas, fleiss.kappa(), alpha.alpha()));
    }
}

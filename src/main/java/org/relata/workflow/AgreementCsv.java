package org.relata.workflow;

import java.util.List;
import java.util.Map;

import org.relata.workflow.Agreement.CohenScore;
import org.relata.workflow.Agreement.LabelMetric;
import org.relata.workflow.Agreement.Metric;
import org.relata.workflow.Agreement.PairScore;

/**
 * The agreement as CSV, one figure set a row: columns kind, mode, label, a, b, f1, precision, recall, tp, fp, fn,
 * kappa, units. Empty a/b is the project figure (mean over pairs); empty label is all labels; a missing figure is an
 * empty cell.
 */
final class AgreementCsv {

    static final String HEADER = "kind,mode,label,a,b,f1,precision,recall,tp,fp,fn,kappa,units\n";

    private AgreementCsv() {
    }

    static String write(Agreement agreement) {
        StringBuilder csv = new StringBuilder(HEADER);
        metric(csv, "spans", "exact", agreement.spans().exact());
        metric(csv, "spans", "overlap", agreement.spans().overlap());
        metric(csv, "relations", "exact", agreement.relations().exact());
        metric(csv, "relations", "overlap", agreement.relations().overlap());
        for (CohenScore score : agreement.tokens().cohen()) {
            row(csv, "tokens", "cohen", "", score.a(), score.b(), null, null, null, null, null, null, score.kappa(),
                    score.units());
        }
        row(csv, "tokens", "fleiss", "", "", "", null, null, null, null, null, null, agreement.tokens().fleiss(), null);
        row(csv, "tokens", "alpha", "", "", "", null, null, null, null, null, null, agreement.tokens().alpha(), null);
        return csv.toString();
    }

    private static void metric(StringBuilder csv, String kind, String mode, Metric metric) {
        figures(csv, kind, mode, "", metric.f1(), metric.precision(), metric.recall(), metric.pairs());
        for (Map.Entry<String, LabelMetric> label : metric.labels().entrySet()) {
            LabelMetric m = label.getValue();
            figures(csv, kind, mode, label.getKey(), m.f1(), m.precision(), m.recall(), m.pairs());
        }
    }

    private static void figures(StringBuilder csv, String kind, String mode, String label, Double f1, Double precision,
            Double recall, List<PairScore> pairs) {
        row(csv, kind, mode, label, "", "", f1, precision, recall, null, null, null, null, null);
        for (PairScore pair : pairs) {
            row(csv, kind, mode, label, pair.a(), pair.b(), pair.f1(), MatchTally.ratio(pair.tp(), pair.fp()),
                    MatchTally.ratio(pair.tp(), pair.fn()), pair.tp(), pair.fp(), pair.fn(), null, null);
        }
    }

    private static void row(StringBuilder csv, String kind, String mode, String label, String a, String b, Double f1,
            Double precision, Double recall, Long tp, Long fp, Long fn, Double kappa, Long units) {
        Object[] cells = {kind, mode, label, a, b, f1, precision, recall, tp, fp, fn, kappa, units};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append('\n');
    }

    /** Labels and usernames are quoted when they hold a comma, quote or line break (RFC 4180). */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

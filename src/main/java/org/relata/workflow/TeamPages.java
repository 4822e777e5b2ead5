package org.relata.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.relata.annotation.TeamProgress;
import org.relata.annotation.TeamProgress.AnnotatorProgress;
import org.relata.annotation.TeamProgress.DocumentProgress;
import org.relata.annotation.TeamProgress.LabelCounts;
import org.relata.annotation.TeamProgressService;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectProgress;
import org.relata.project.Role;
import org.relata.web.ApiException;
import org.relata.workflow.Agreement.CohenScore;
import org.relata.workflow.Agreement.Metric;
import org.relata.workflow.Agreement.PairScore;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The progress dashboard and the agreement pages, for a project's curators and managers. Charts are SVG drawn here,
 * on the server: the numbers behind them are already in the page, so no chart library is needed. The figures are
 * those of GET /api/projects/{id}/progress and /agreement; they change when the page is reloaded.
 */
// "/" like the other page classes: a class path of /projects/{id} would hide ProjectPages' /projects/{id}.
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    static final int PAGE_SIZE = 100;
    /** Width in SVG units of the longest progress bar. */
    static final int BAR = 300;
    /** Side of one heat map cell. */
    static final int CELL = 56;

    /** One annotator's row: the counts and the bar's three parts (done, in progress, not started), in SVG units. */
    public record AnnotatorRow(AnnotatorProgress p, String lastActivity, int doneWidth, int progressWidth,
            int restWidth) {
    }

    /** counts lines up with the annotators' names; bar is the gold count's bar width. */
    public record LabelRow(String label, String kind, long gold, List<Long> counts, int bar) {
    }

    public record DocumentRow(DocumentProgress d, String assigned, String done, boolean complete) {
    }

    /** One cell of the heat map; figure is null when nothing backs it. */
    public record HeatCell(int x, int y, String a, String b, String text, String fill, String title) {
    }

    /** An annotator's place on both axes of the heat map. */
    public record Axis(String name, int at, int middle) {
    }

    /** A figure with the units it rests on, for one cell of the agreement matrix. */
    public record Figure(String value, String units, String title) {
    }

    public record PairRow(String a, String b, List<Figure> figures) {
    }

    public record LabelTable(String label, String kind, List<PairRow> pairs, Figure exactMean, Figure overlapMean) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(Project project, List<AnnotatorRow> annotators, List<String> names,
                List<LabelRow> labels, List<DocumentRow> documents, List<HeatCell> heat, int heatSize,
                List<Axis> heatNames, int agreementDocuments, int page, int pages, long total, int barWidth);

        static native TemplateInstance agreement(Project project, Agreement agreement, List<String> metrics,
                List<PairRow> pairs, List<Figure> means, List<LabelTable> labels, String fleiss, String alpha,
                int goldDocuments, List<PairRow> gold);

        static native TemplateInstance disagreements(Project project, AgreementService.Disagreements disagreements);
    }

    @Inject ProjectAccess access;
    @Inject TeamProgressService progress;
    @Inject ProjectProgress projectProgress;
    @Inject AgreementService agreement;
    @Inject GoldAgreement goldAgreement;

    @GET
    @Path("projects/{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page) {
        ProjectAccess.Access a = access.requiring(id, Role.CURATOR);
        long total = projectProgress.documentCount(id, a.user().id, false);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        TeamProgress team = progress.of(id, PAGE_SIZE, (long) shown * PAGE_SIZE);
        Agreement figures = agreement.of(id);
        List<String> names = team.annotators().stream().map(AnnotatorProgress::annotator).toList();
        return Templates.progress(a.project(), annotatorRows(team.annotators()), names, labelRows(team.labels(), names),
                documentRows(team.documents()), heatMap(figures), figures.annotators().size() * CELL,
                axes(figures.annotators()), figures.documents(), shown, pages, total, BAR);
    }

    @GET
    @Path("projects/{id}/agreement")
    public TemplateInstance agreement(@PathParam("id") long id) {
        ProjectAccess.Access a = access.requiring(id, Role.CURATOR);
        Agreement figures = agreement.of(id);
        GoldAgreement.VersusGold versusGold = goldAgreement.of(id);
        List<Metric> metrics = List.of(figures.spans().exact(), figures.spans().overlap(), figures.relations().exact(),
                figures.relations().overlap());
        List<PairRow> pairs = f1Rows(metrics);
        // Between annotators only, a last column: Cohen's kappa over tokens.
        pairs.forEach(row -> row.figures().add(kappa(figures.tokens().cohen(), row.a(), row.b())));
        List<Figure> means = new ArrayList<>();
        for (Metric metric : metrics) {
            means.add(mean(metric.f1(), metric.pairs().size()));
        }
        means.add(mean(average(figures.tokens().cohen()), figures.tokens().cohen().size()));
        List<LabelTable> labels = new ArrayList<>();
        addLabels(labels, "span", figures.spans().exact(), figures.spans().overlap());
        addLabels(labels, "relation", figures.relations().exact(), figures.relations().overlap());
        return Templates.agreement(a.project(), figures,
                List.of("Spans, exact", "Spans, overlap", "Relations, exact", "Relations, overlap", "Tokens, Cohen's κ"),
                pairs, means, labels, number(figures.tokens().fleiss()), number(figures.tokens().alpha()),
                versusGold.documents(), goldRows(versusGold));
    }

    @GET
    @Path("projects/{id}/agreement/disagreements")
    public TemplateInstance disagreements(@PathParam("id") long id, @QueryParam("a") String a,
            @QueryParam("b") String b) {
        ProjectAccess.Access access = this.access.requiring(id, Role.CURATOR);
        if (a == null || b == null) {
            throw ApiException.notFound("Name two annotators: ?a=...&b=...");
        }
        return Templates.disagreements(access.project(), agreement.disagreements(id, a, b, 50));
    }

    private static List<AnnotatorRow> annotatorRows(List<AnnotatorProgress> annotators) {
        long longest = 1;
        for (AnnotatorProgress p : annotators) {
            longest = Math.max(longest, Math.max(p.assigned(), p.done() + p.inProgress()));
        }
        List<AnnotatorRow> rows = new ArrayList<>();
        for (AnnotatorProgress p : annotators) {
            long rest = Math.max(0, p.assigned() - p.done() - p.inProgress());
            rows.add(new AnnotatorRow(p, p.lastActivity() == null ? "" : p.lastActivity().toString(),
                    width(p.done(), longest), width(p.inProgress(), longest), width(rest, longest)));
        }
        return rows;
    }

    private static List<LabelRow> labelRows(List<LabelCounts> labels, List<String> names) {
        long most = 1;
        for (LabelCounts label : labels) {
            most = Math.max(most, label.gold());
        }
        List<LabelRow> rows = new ArrayList<>();
        for (LabelCounts label : labels) {
            List<Long> counts = names.stream().map(n -> label.byAnnotator().getOrDefault(n, 0L)).toList();
            rows.add(new LabelRow(label.label(), label.kind(), label.gold(), counts, width(label.gold(), most)));
        }
        return rows;
    }

    private static List<DocumentRow> documentRows(List<DocumentProgress> documents) {
        return documents.stream().map(d -> new DocumentRow(d, String.join(", ", d.assigned()), String.join(", ", d.done()),
                !d.assigned().isEmpty() && d.done().containsAll(d.assigned()))).toList();
    }

    /** Pairwise span F1 (exact) as an annotators × annotators grid; the diagonal is left empty. */
    private static List<HeatCell> heatMap(Agreement figures) {
        List<String> names = figures.annotators();
        List<HeatCell> cells = new ArrayList<>();
        for (PairScore pair : figures.spans().exact().pairs()) {
            int i = names.indexOf(pair.a());
            int j = names.indexOf(pair.b());
            String title = pair.a() + " and " + pair.b() + ": span F1 (exact) " + number(pair.f1()) + " from "
                    + pair.tp() + " matched, " + (pair.fp() + pair.fn()) + " unmatched spans";
            for (int[] at : new int[][] {{i, j}, {j, i}}) {
                cells.add(new HeatCell(at[1] * CELL, at[0] * CELL, pair.a(), pair.b(), number(pair.f1()),
                        colour(pair.f1()), title));
            }
        }
        return cells;
    }

    private static List<Axis> axes(List<String> names) {
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            axes.add(new Axis(names.get(i), i * CELL, i * CELL + CELL / 2));
        }
        return axes;
    }

    /** Red (0) through yellow to green (1); grey when there is no figure. */
    static String colour(Double f1) {
        if (f1 == null) {
            return "#e8ecf4";
        }
        double hue = 120 * Math.max(0, Math.min(1, f1));
        return String.format(Locale.ROOT, "hsl(%.0f, 65%%, 72%%)", hue);
    }

    /** One row per annotator against gold: the same four F1 figures as between annotators. */
    private static List<PairRow> goldRows(GoldAgreement.VersusGold versusGold) {
        return f1Rows(List.of(versusGold.spans().exact(), versusGold.spans().overlap(),
                versusGold.relations().exact(), versusGold.relations().overlap()));
    }

    /** One row per pair, a cell per metric: its F1 (every metric lists the same pairs in the same order). */
    private static List<PairRow> f1Rows(List<Metric> metrics) {
        List<PairRow> rows = new ArrayList<>();
        List<PairScore> first = metrics.get(0).pairs();
        for (int i = 0; i < first.size(); i++) {
            List<Figure> cells = new ArrayList<>();
            for (Metric metric : metrics) {
                cells.add(f1(metric.pairs().get(i)));
            }
            rows.add(new PairRow(first.get(i).a(), first.get(i).b(), cells));
        }
        return rows;
    }

    private static Figure f1(PairScore score) {
        long units = score.tp() + score.fp() + score.fn();
        return new Figure(number(score.f1()), units + (units == 1 ? " unit" : " units"),
                "tp " + score.tp() + ", fp " + score.fp() + ", fn " + score.fn());
    }

    private static Figure kappa(List<CohenScore> scores, String a, String b) {
        for (CohenScore score : scores) {
            if (score.a().equals(a) && score.b().equals(b)) {
                return new Figure(number(score.kappa()), score.units() + " tokens", score.units() + " tokens compared");
            }
        }
        return new Figure("–", "0 tokens", "no tokens compared");
    }

    private static Figure mean(Double value, int pairs) {
        return new Figure(number(value), "mean of " + pairs + (pairs == 1 ? " pair" : " pairs"), "");
    }

    private static Double average(List<CohenScore> scores) {
        return MatchTally.average(scores.stream().map(CohenScore::kappa).toList());
    }

    private static void addLabels(List<LabelTable> tables, String kind, Metric exact, Metric overlap) {
        for (Map.Entry<String, Agreement.LabelMetric> entry : exact.labels().entrySet()) {
            Agreement.LabelMetric overlapLabel = overlap.labels().get(entry.getKey());
            List<PairRow> rows = new ArrayList<>();
            List<PairScore> exactPairs = entry.getValue().pairs();
            for (int i = 0; i < exactPairs.size(); i++) {
                Figure overlapFigure = overlapLabel == null ? new Figure("–", "0 units", "")
                        : f1(overlapLabel.pairs().get(i));
                rows.add(new PairRow(exactPairs.get(i).a(), exactPairs.get(i).b(),
                        List.of(f1(exactPairs.get(i)), overlapFigure)));
            }
            tables.add(new LabelTable(entry.getKey(), kind, rows, mean(entry.getValue().f1(), rows.size()),
                    mean(overlapLabel == null ? null : overlapLabel.f1(), rows.size())));
        }
    }

    private static int width(long value, long max) {
        return (int) Math.round((double) BAR * value / max);
    }

    static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }
}

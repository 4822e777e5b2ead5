package org.relata.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

import org.relata.workflow.Agreement;
import org.relata.workflow.AgreementCalculator;
import org.relata.annotation.AgreementDoc;
import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.AgreementDoc.RelationMark;
import org.relata.annotation.AgreementDoc.SpanMark;

/**
 * Not a test: times the agreement computation (matching, tokenising, the three coefficients) on generated documents,
 * without the database: the documents are made one at a time from a fixed seed and handed to the calculator as the
 * database reader would. Run with a small heap to check that memory stays flat:
 * {@code java -Xmx128m -cp target/classes:target/test-classes org.relata.bench.AgreementBenchmark 10000 3}.
 * Each document has ~1,000 code points of text, and per annotator ~20 spans and ~8 relations, the annotators agreeing
 * on most of them.
 */
public final class AgreementBenchmark {

    static final String[] LABELS = {"COUNTRY", "PERSON", "ORGANIZATION", "CITY", "EVENT"};
    static final String[] RELATIONS = {"ALLY_OF", "LEADER_OF", "MEMBER_OF"};

    private AgreementBenchmark() {
    }

    public static void main(String[] args) {
        rounds(args, (round, documents, names) -> {
            long start = System.nanoTime();
            AgreementCalculator calculator = new AgreementCalculator(names);
            Random random = new Random(42);
            long peak = 0;
            for (int d = 0; d < documents; d++) {
                calculator.add(document(d, names, random));
                if (d % 500 == 0) {
                    peak = Math.max(peak, usedHeap());
                }
            }
            Agreement agreement = calculator.result();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d documents x %d annotators in %.2f s, heap used up to %d MB "
                    + "(max %d MB); span F1 %.3f, relation F1 %.3f, alpha %.3f%n", round, documents, names.size(), seconds,
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20, agreement.spans().exact().f1(),
                    agreement.relations().exact().f1(), agreement.tokens().alpha());
        });
    }

    /** One measured round over {@code documents} documents marked by the annotators {@code names}. */
    interface Round {
        void run(int round, int documents, List<String> names);
    }

    /**
     * Three rounds, each after a GC (the first pays for the JIT), with the command line's sizes: documents (default
     * 10,000) and annotators (default 3). AgreementLibraryBenchmark measures the same way.
     */
    static void rounds(String[] args, Round round) {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int annotators = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> names = new ArrayList<>();
        for (int a = 0; a < annotators; a++) {
            names.add("annotator-" + a);
        }
        for (int r = 1; r <= 3; r++) {
            System.gc();
            round.run(r, documents, names);
        }
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** ~1,000 code points of words; 20 spans on word boundaries; 8 relations among them;
     * each annotator keeps a span with 90 % chance (and one in ten of those one code point longer), and a relation
     * when they kept both its spans. */
    static AgreementDoc document(int id, List<String> names, Random random) {
        StringBuilder text = new StringBuilder();
        List<int[]> words = new ArrayList<>();
        while (text.length() < 1000) {
            int length = 2 + random.nextInt(8);
            int start = text.length();
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            words.add(new int[] {start, text.length()});
            text.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        List<SpanMark> reference = new ArrayList<>();
        int step = words.size() / 20;
        for (int s = 0; s < 20; s++) {
            int first = s * step;
            int last = first + random.nextInt(Math.max(1, Math.min(2, step)));
            reference.add(new SpanMark(words.get(first)[0], words.get(last)[1], LABELS[random.nextInt(LABELS.length)]));
        }
        int[][] referenceRelations = new int[8][];
        for (int r = 0; r < 8; r++) {
            referenceRelations[r] = new int[] {random.nextInt(20), random.nextInt(20)};
        }
        TreeMap<String, Marks> byAnnotator = new TreeMap<>();
        for (String name : names) {
            SpanMark[] kept = new SpanMark[reference.size()];
            List<SpanMark> spans = new ArrayList<>();
            for (int s = 0; s < reference.size(); s++) {
                SpanMark span = reference.get(s);
                if (random.nextInt(10) > 0) {
                    kept[s] = random.nextInt(10) == 0 ? new SpanMark(span.start(), span.end() + 1, span.label()) : span;
                    spans.add(kept[s]);
                }
            }
            List<RelationMark> relations = new ArrayList<>();
            for (int r = 0; r < referenceRelations.length; r++) {
                SpanMark head = kept[referenceRelations[r][0]];
                SpanMark tail = kept[referenceRelations[r][1]];
                if (head != null && tail != null) {
                    relations.add(new RelationMark(RELATIONS[r % RELATIONS.length], head, tail, r % 3 != 0));
                }
            }
            byAnnotator.put(name, new Marks(spans, relations));
        }
        return new AgreementDoc(id, "doc-" + id, text.toString(), byAnnotator);
    }
}

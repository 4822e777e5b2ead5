package org.relata.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.relata.annotation.AgreementDoc;
import org.relata.exchange.codec.TokenBounds;
import org.relata.workflow.TokenTags;

/**
 * Not a test: the token-level coefficients of {@link AgreementBenchmark}'s documents computed the way a tool built on
 * DKPro Statistics (INCEpTION's agreement) must: every unit of the project in one in-memory study, then the
 * coefficients. Same documents (same seed), same units as Relata's calculator; compare time and heap with
 * AgreementBenchmark. Run: {@code java -Xmx2g -cp target/classes:target/test-classes:<dkpro jar>
 * org.relata.bench.AgreementLibraryBenchmark 10000 3}; at -Xmx128m it runs out of memory.
 */
public final class AgreementLibraryBenchmark {

    private AgreementLibraryBenchmark() {
    }

    public static void main(String[] args) {
        AgreementBenchmark.rounds(args, (round, documents, names) -> {
            int annotators = names.size();
            long start = System.nanoTime();
            Random random = new Random(42);
            Map<String, Integer> categories = new HashMap<>();
            CodingAnnotationStudy study = new CodingAnnotationStudy(annotators);
            long peak = 0;
            for (int d = 0; d < documents; d++) {
                AgreementDoc doc = AgreementBenchmark.document(d, names, random);
                TokenBounds tokens = TokenBounds.of(doc.text());
                int[][] tags = new int[annotators][];
                for (int a = 0; a < annotators; a++) {
                    tags[a] = TokenTags.tags(tokens, doc.byAnnotator().get(names.get(a)).spans(),
                            tag -> categories.computeIfAbsent(tag, t -> categories.size()));
                }
                for (int t = 0; t < tokens.size(); t++) {
                    Object[] unit = new Object[annotators];
                    for (int a = 0; a < annotators; a++) {
                        unit[a] = tags[a][t];
                    }
                    study.addItemAsArray(unit);
                }
                if (d % 500 == 0) {
                    peak = Math.max(peak, AgreementBenchmark.usedHeap());
                }
            }
            peak = Math.max(peak, AgreementBenchmark.usedHeap());
            double fleiss = new FleissKappaAgreement(study).calculateAgreement();
            double alpha = new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement();
            peak = Math.max(peak, AgreementBenchmark.usedHeap());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d documents x %d annotators, %d units in %.2f s, heap used up to "
                    + "%d MB (max %d MB); Fleiss %.4f, alpha %.4f%n", round, documents, annotators, study.getItemCount(),
                    seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, fleiss, alpha);
        });
    }
}

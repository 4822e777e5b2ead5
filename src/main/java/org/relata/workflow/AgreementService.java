package org.relata.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.annotation.AgreementDoc;
import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.AgreementRows;
import org.relata.annotation.TeamLayers;

/**
 * Computes a project's agreement from one consistent snapshot, streaming the documents through the calculator. The
 * last result per project is kept while the project's done layers stay the same (see
 * {@link TeamLayers#agreementFingerprint}): the dashboard and the agreement page show it on every view, and a large
 * project takes seconds to compute.
 */
@ApplicationScoped
public class AgreementService {

    /** One document where two annotators disagree: how many of their spans and relations found no exact match. */
    public record Disagreement(long document, String externalId, long spans, long relations, long total) {
    }

    public record Disagreements(String a, String b, List<Disagreement> documents) {
    }

    private record Cached(String fingerprint, Agreement agreement) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    TeamLayers layers;

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** The project's agreement, computed again only when its done layers changed since the last time. */
    public Agreement of(long projectId) {
        String fingerprint = layers.agreementFingerprint(projectId);
        Cached cached = cache.get(projectId);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.agreement();
        }
        Agreement agreement = compute(projectId);
        cache.put(projectId, new Cached(fingerprint, agreement));
        return agreement;
    }

    /** The agreement as it is now, without the cache. */
    public Agreement compute(long projectId) {
        // read fills the list before the first document arrives; the calculator keeps the list, not a copy.
        List<String> annotators = new ArrayList<>();
        AgreementCalculator calculator = new AgreementCalculator(annotators);
        read(projectId, annotators, calculator::add);
        return calculator.result();
    }

    /**
     * The documents both annotators marked done where they disagree most: their spans and relations without an exact
     * match on the other side (false positives plus false negatives, as in the F1), most first, then by document id.
     * Documents where they agree entirely are left out.
     */
    public Disagreements disagreements(long projectId, String a, String b, int limit) {
        PriorityQueue<Disagreement> worst = new PriorityQueue<>(MOST_FIRST.reversed());
        read(projectId, new ArrayList<>(), doc -> {
            Marks first = doc.byAnnotator().get(a);
            Marks second = doc.byAnnotator().get(b);
            if (first == null || second == null) {
                return;
            }
            long spans = errors(Matching.spans(first.spans(), second.spans(), false));
            long relations = errors(Matching.relations(first.relations(), second.relations(), false));
            if (spans + relations == 0) {
                return;
            }
            worst.add(new Disagreement(doc.id(), doc.externalId(), spans, relations, spans + relations));
            if (worst.size() > limit) {
                worst.poll();
            }
        });
        List<Disagreement> documents = new ArrayList<>(worst);
        documents.sort(MOST_FIRST);
        return new Disagreements(a, b, documents);
    }

    private static final Comparator<Disagreement> MOST_FIRST = Comparator.comparingLong(Disagreement::total).reversed()
            .thenComparingLong(Disagreement::document);

    private static long errors(Map<String, long[]> byLabel) {
        long errors = 0;
        for (long[] counts : byLabel.values()) {
            errors += counts[Matching.FP] + counts[Matching.FN];
        }
        return errors;
    }

    /** Fills {@code annotators}, then hands the documents to the sink, all from one repeatable-read snapshot. */
    private void read(long projectId, List<String> annotators, Consumer<AgreementDoc> sink) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            // One repeatable-read transaction: annotators and documents come from the same snapshot.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                annotators.addAll(AgreementRows.annotators(connection, projectId));
                AgreementRows.read(connection, projectId, sink);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the project's layers for agreement failed", e);
        }
    }
}

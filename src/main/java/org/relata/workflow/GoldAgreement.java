package org.relata.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.GoldRows;
import org.relata.workflow.Agreement.Modes;

/**
 * Each annotator against gold, over the documents whose gold is marked done and where the annotator marked their
 * layer done. Gold is the reference: precision is the share of the annotator's annotations that are in gold, recall
 * the share of gold the annotator found. Same matching (exact and overlap) and micro-averaging as between annotators.
 */
@ApplicationScoped
public class GoldAgreement {

    /** The figures per annotator: each pair is {a: annotator, b: "gold"}; the project figure is their mean. */
    public record VersusGold(int documents, List<String> annotators, Modes spans, Modes relations) {
    }

    public static final String GOLD = "gold";

    @Inject
    DataSource dataSource;

    public VersusGold of(long projectId) {
        MatchTally exactSpans = new MatchTally();
        MatchTally overlapSpans = new MatchTally();
        MatchTally exactRelations = new MatchTally();
        MatchTally overlapRelations = new MatchTally();
        TreeSet<String> annotators = new TreeSet<>();
        int[] documents = {0};
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // One snapshot for every batch.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                GoldRows.read(connection, projectId, doc -> {
                    if (doc.gold() == null || doc.byAnnotator().isEmpty()) {
                        return;
                    }
                    documents[0]++;
                    Marks gold = doc.gold();
                    doc.byAnnotator().forEach((annotator, marks) -> {
                        annotators.add(annotator);
                        exactSpans.add(annotator, GOLD, Matching.spans(gold.spans(), marks.spans(), false));
                        overlapSpans.add(annotator, GOLD, Matching.spans(gold.spans(), marks.spans(), true));
                        exactRelations.add(annotator, GOLD, Matching.relations(gold.relations(), marks.relations(), false));
                        overlapRelations.add(annotator, GOLD,
                                Matching.relations(gold.relations(), marks.relations(), true));
                        for (MatchTally tally : List.of(exactSpans, overlapSpans, exactRelations, overlapRelations)) {
                            tally.pairSeen(annotator, GOLD);
                        }
                    });
                });
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the project's layers for agreement with gold failed", e);
        }
        return new VersusGold(documents[0], List.copyOf(annotators),
                new Modes(exactSpans.metric(), overlapSpans.metric()),
                new Modes(exactRelations.metric(), overlapRelations.metric()));
    }
}

package org.relata.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.relata.annotation.AgreementRows;

/** Computes a project's agreement from one consistent snapshot, streaming the documents through the calculator. */
@ApplicationScoped
public class AgreementService {

    @Inject
    DataSource dataSource;

    public Agreement of(long projectId) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            // One repeatable-read transaction: annotators and documents come from the same snapshot.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<String> annotators = AgreementRows.annotators(connection, projectId);
                AgreementCalculator calculator = new AgreementCalculator(annotators);
                AgreementRows.read(connection, projectId, calculator::add);
                return calculator.result();
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

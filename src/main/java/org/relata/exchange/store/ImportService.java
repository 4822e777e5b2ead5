package org.relata.exchange.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.relata.annotation.BulkWriter;
import org.relata.exchange.codec.Gunzip;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.Importer;
import org.relata.web.ApiException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Runs one import in one transaction: the importer reads the upload as a stream and the writer stores documents in
 * batches as they come; any error rolls back everything this request stored, including labels it created.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExchangeConfig config;

    @Inject
    org.relata.schema.SchemaLimits schemaLimits;

    @Inject
    UploadFolder uploads;

    /** The size limits importers enforce while they read the upload. */
    public ImportLimits limits() {
        return new ImportLimits(config.maxDocumentSize().asLongValue(), config.maxZipTotalSize().asLongValue(),
                config.maxZipRatio(), config.maxZipEntries(), uploads.folder());
    }

    @Inject
    TransactionManager transactions;

    /** What one import request asks besides its file: where it goes and how its labels are read. */
    public record Options(ImportTarget target, boolean createLabels, Map<String, String> labelMap, boolean dryRun) {
    }

    /**
     * Runs the import. A dry run takes exactly the same path (every check, every row written) and then marks the
     * transaction for rollback, so its counts and errors are those of a real import and it stores nothing.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "relata.exchange.import-timeout-seconds")
    public ImportResult run(long projectId, Importer importer, Options options, InputStream body, String file,
            boolean gzip) {
        List<String> skipped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            LabelCatalog labels = new LabelCatalog(connection, projectId, schemaLimits, options.labelMap());
            ImportWriter writer = new ImportWriter(connection, projectId, labels, options.target(),
                    options.createLabels(), schemaLimits.maxTextLength());
            importer.read(unpack(body, gzip, file, limits()), file, writer, skipped);
            ImportResult result = writer.finish(skipped);
            if (options.dryRun()) {
                transactions.setRollbackOnly();
                return result.asDryRun();
            }
            analyzeWhenLarge(connection, result);
            return result;
        } catch (ApiException e) {
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ZipException || e.getCause() instanceof java.io.EOFException) {
                throw ImportError.inFile(file, null, "The gzip body is damaged or cut short.");
            }
            throw e;
        } catch (SQLException e) {
            if (takenMeanwhile(e) != null) {
                throw takenMeanwhile(file, takenMeanwhile(e));
            }
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            if (takenMeanwhile(e) != null) {
                throw takenMeanwhile(file, takenMeanwhile(e));
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two imports of one document id (or of one new label) at the same moment: both checked it as free, the
     * database's unique key lets one in and makes the other wait, then refuse. The loser is told, as if it had come
     * second (409), never 500. Answers the violated constraint's message, or null.
     */
    private static String takenMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage());
            }
        }
        return null;
    }

    private static ApiException takenMeanwhile(String file, String violation) {
        boolean documents = violation.contains("documents_external_id_key");
        return new ApiException(409, new org.relata.web.ApiError("Another import or edit stored "
                + (documents ? "a document with one of these ids" : "one of these labels") + " at the same moment; "
                + "nothing of this import was stored. Import again" + (documents ? " to see which ids are taken." : "."),
                file, null, documents ? "id" : "label"));
    }

    /** A large import refreshes the planner's statistics (see BulkWriter.refreshStatistics). */
    private static void analyzeWhenLarge(Connection connection, ImportResult result) throws SQLException {
        if (result.documents() >= ANALYZE_DOCUMENTS || result.spans() >= ANALYZE_SPANS) {
            new BulkWriter(connection).refreshStatistics();
        }
    }

    private static final int ANALYZE_DOCUMENTS = 1_000;
    private static final int ANALYZE_SPANS = 20_000;

    /**
     * Gunzips when the client says so (Content-Encoding: gzip) or the bytes start with gzip's magic number, within
     * the limit on unpacked uploads.
     */
    static InputStream unpack(InputStream body, boolean gzip, String file, ImportLimits limits) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (gzip || (b1 == 0x1f && b2 == 0x8b)) {
            return new BufferedInputStream(Gunzip.open(in, file, limits.maxZipTotalSize()), 1 << 16);
        }
        return in;
    }
}

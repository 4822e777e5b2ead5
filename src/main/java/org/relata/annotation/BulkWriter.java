package org.relata.annotation;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads documents with their layers, spans and relations in bulk, for imports: PostgreSQL COPY inside the caller's
 * transaction, so an error anywhere stores nothing. COPY rather than Hibernate: an import moves millions of rows,
 * and COPY is several times faster than batched inserts. Ids are drawn from the tables' sequences first so that
 * spans, relations and layers can name each other in the same batch.
 */
public final class BulkWriter {

    private final Connection connection;
    private final PGConnection pg;

    public BulkWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.pg = connection.unwrap(PGConnection.class);
    }

    /**
     * What an import writes with COPY: each table with the columns its rows carry (in that order) and the sequence
     * its ids come from (none: the rows have no id of their own).
     */
    public enum Table {
        /** COPY needs a table: "documents" is the view of the documents not in the trash (V5). */
        DOCUMENTS("all_documents", "documents_id_seq", "id, project_id, external_id, text, meta, length"),
        /** A project archive keeps the dates. */
        ARCHIVED_DOCUMENTS("all_documents", "documents_id_seq", "id, project_id, external_id, text, meta, length, created_at"),
        LAYERS("annotation_layers", "annotation_layers_id_seq", "id, document_id, doc_length, owner_kind, user_id, status"),
        ARCHIVED_LAYERS("annotation_layers", "annotation_layers_id_seq",
                "id, document_id, doc_length, owner_kind, user_id, status, version, updated_at"),
        SPANS("spans", "spans_id_seq", "id, layer_id, doc_length, start_offset, end_offset, entity_type_id, attributes, note,"
                + " links, fragments, typed_notes, score"),
        RELATIONS("relations", "relations_id_seq", "id, layer_id, head_span_id, tail_span_id, relation_type_id, attributes,"
                + " note, typed_notes, score"),
        EQUIVALENCES("equivalences", "equivalences_id_seq", "id, layer_id, type"),
        EQUIVALENCE_MEMBERS("equivalence_members", null, "equivalence_id, position, span_id, layer_id"),
        EVENTS("events", "events_id_seq", "id, layer_id, trigger_span_id, event_type_id, attributes, note, typed_notes"),
        EVENT_ARGUMENTS("event_arguments", null, "event_id, layer_id, position, role, span_id, argument_event_id"),
        /** Suggestions an annotator turned down. */
        SUGGESTION_REJECTIONS("suggestion_rejections", null, "span_id, user_id");

        private final String table;
        private final String sequence;
        private final String columns;

        Table(String table, String sequence, String columns) {
            this.table = table;
            this.sequence = sequence;
            this.columns = columns;
        }
    }

    /** {@code count} new ids of the table's rows, drawn from its sequence. */
    public long[] ids(Table table, int count) throws SQLException {
        if (table.sequence == null) {
            throw new IllegalArgumentException(table + " rows have no id of their own");
        }
        return ids(table.sequence, count);
    }

    /** Rows for the table, each with its {@link Table} columns in order. */
    public Rows rows(Table table) throws SQLException {
        return copy("copy " + table.table + " (" + table.columns + ") from stdin (format csv)");
    }

    /**
     * A document id the project holds already; {@code trashed} when that document is in the project's trash,
     * {@code storedByThisTransaction} when the caller's own transaction wrote it (an earlier batch of one import).
     */
    public record ExistingDocument(String externalId, boolean trashed, boolean storedByThisTransaction) {
    }

    /**
     * The first of these document ids that the project already holds, in the trash or not (a trashed document's
     * id stays taken until it is purged), or null when it holds none.
     */
    public ExistingDocument firstExistingDocument(long projectId, String[] externalIds) throws SQLException {
        // xmin is the transaction that wrote the row: an import's own earlier batches, told apart without keeping
        // every id it has read in memory.
        try (PreparedStatement s = connection.prepareStatement("select external_id, trashed_at is not null,"
                + " xmin = pg_current_xact_id()::xid from all_documents where project_id = ? and external_id = any(?)"
                + " order by xmin = pg_current_xact_id()::xid desc limit 1")) {
            s.setLong(1, projectId);
            Array array = connection.createArrayOf("text", externalIds);
            s.setArray(2, array);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new ExistingDocument(r.getString(1), r.getBoolean(2), r.getBoolean(3)) : null;
            }
        }
    }

    /**
     * A bulk load can change the tables' sizes by orders of magnitude, and the planner then works from stale (or,
     * on a fresh database, no) statistics: exports and the workspace's queries picked full scans. Autovacuum catches
     * up eventually, or never where it is off; a large import refreshes the statistics itself, in its transaction.
     */
    public void refreshStatistics() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze all_documents, annotation_layers, spans, relations");
        }
    }

    private long[] ids(String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement s = connection.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
            s.setInt(1, count);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; r.next(); i++) {
                    ids[i] = r.getLong(1);
                }
            }
        }
        return ids;
    }

    private Rows copy(String sql) throws SQLException {
        return new Rows(new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16));
    }

    /** The rows of one COPY, in the column order its opener names; closing ends the COPY. */
    public static final class Rows implements Closeable {

        private final Writer out;

        private Rows(Writer out) {
            this.out = out;
        }

        /** One CSV row: null is an empty field, every string is quoted (so an empty string stays empty, not null). */
        public void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = values[i];
                if (value instanceof String s) {
                    out.write('"');
                    int from = 0;
                    for (int q = s.indexOf('"'); q >= 0; q = s.indexOf('"', from)) {
                        out.write(s, from, q - from + 1);
                        out.write('"');
                        from = q + 1;
                    }
                    out.write(s, from, s.length() - from);
                    out.write('"');
                } else if (value != null) {
                    out.write(value.toString());
                }
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

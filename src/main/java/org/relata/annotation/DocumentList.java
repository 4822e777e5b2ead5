package org.relata.annotation;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.relata.persistence.SqlValues;
import org.relata.project.ProjectProgress.DocumentOrder;
import org.relata.project.ProjectProgress.DocumentQuery;
import org.relata.project.ProjectProgress.DocumentRow;
import org.relata.project.ProjectProgress.DocumentRows;
import org.relata.web.ApiException;

/**
 * The managers' document list as SQL: filters, one sort key per order and keyset pagination. The page is chosen
 * first and only its rows count their layers, so a page costs the same at document 50 and at document 100,000.
 */
final class DocumentList {

    private static final Set<String> STATUSES = Set.of("NEW", "IN_PROGRESS", "DONE");

    private final EntityManager em;
    private final DocumentQuery query;
    private final Map<String, Object> parameters = new HashMap<>();

    DocumentList(EntityManager em, DocumentQuery query) {
        this.em = em;
        this.query = query;
        if (query.status() != null && !STATUSES.contains(query.status())) {
            throw ApiException.badField("status is one of NEW, IN_PROGRESS, DONE", "status");
        }
    }

    @SuppressWarnings("unchecked")
    DocumentRows page() {
        Cursor cursor = query.after() == null ? null : Cursor.decode(query.after(), query.order(), query.descending());
        String direction = query.descending() ? " desc" : "";
        String sql = """
                with page as (%s)
                select p.id, p.external_id, p.length, p.status, p.updated_at, p.sort_text,
                       (select count(*) from annotation_layers a
                         where a.document_id = p.id and a.owner_kind = 'USER' and a.status = 'DONE'),
                       (select count(*) from annotation_layers a where a.document_id = p.id and a.owner_kind = 'USER')
                  from page p order by p.sort_key%s, p.id%s
                """.formatted(switch (query.order()) {
                    case STATUS -> statusBranches(cursor, direction);
                    case CHANGED -> changedBranches(cursor, direction);
                    default -> oneIndex(cursor, direction);
                }, direction, direction);
        parameters.put("limit", query.limit() + 1);
        if (cursor == null) {
            parameters.put("offset", query.offset());
        }
        List<Object[]> found = bind(em.createNativeQuery(sql), parameters).getResultList();
        boolean more = found.size() > query.limit();
        List<Object[]> shown = more ? found.subList(0, query.limit()) : found;
        List<DocumentRow> rows = new ArrayList<>(shown.size());
        for (Object[] r : shown) {
            rows.add(new DocumentRow(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                    (String) r[3], SqlValues.timestamp(r[4]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue()));
        }
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            next = new Cursor(query.order(), query.descending(), ((Number) last[0]).longValue(), (String) last[5])
                    .encode();
        }
        return new DocumentRows(rows, total(), next);
    }

    @SuppressWarnings("unchecked")
    List<Long> matchingIds() {
        String sql = "select d.id from documents d " + join(parameters) + filters(parameters) + " order by d.id";
        return ((List<Number>) bind(em.createNativeQuery(sql), parameters).getResultList()).stream().map(Number::longValue)
                .toList();
    }

    private static final String COLUMNS = "d.id, d.external_id, d.length, coalesce(l.status, 'NEW') as status, "
            + "l.updated_at, ";
    private static final List<String> RANKED = List.of("NEW", "IN_PROGRESS", "DONE");

    /** Orders of the document itself (id, name, length): one walk of an index of documents. */
    private String oneIndex(Cursor cursor, String direction) {
        StringBuilder where = filters(parameters);
        if (cursor != null) {
            where.append(" and (").append(sortKey()).append(", d.id) ").append(query.descending() ? "<" : ">")
                    .append(" (cast(:afterKey as ").append(keyType()).append("), :afterId)");
            parameters.put("afterKey", cursor.key());
            parameters.put("afterId", cursor.id());
        }
        return "select " + COLUMNS + sortKey() + " as sort_key, cast(" + sortKey() + " as text) as sort_text"
                + " from documents d " + join(parameters) + where + " order by 6" + direction + ", 1" + direction
                + " limit :limit" + (cursor == null ? " offset :offset" : "");
    }

    /**
     * By status: one branch per status, each in document id order (an index walk that stops at the page's end),
     * instead of sorting every document of the project by a value read from another table.
     */
    private String statusBranches(Cursor cursor, String direction) {
        List<String> branches = new ArrayList<>();
        int afterRank = cursor == null ? -1 : Integer.parseInt(cursor.key());
        for (int rank = 0; rank < RANKED.size(); rank++) {
            String after = "";
            if (cursor != null) {
                int side = Integer.compare(rank, afterRank) * (query.descending() ? -1 : 1);
                if (side < 0) {
                    continue;
                }
                after = side == 0 ? " " + (query.descending() ? "<" : ">") + " :afterId" : "";
            }
            String select = "(select " + COLUMNS + rank + " as sort_key, '" + rank + "' as sort_text from documents d "
                    + join(parameters) + filters(parameters);
            if (rank == 0) {
                // New: no layer at all (an anti-join in id order), or a layer still marked new.
                branches.add(select + " and l.document_id is null" + (after.isEmpty() ? "" : " and d.id" + after)
                        + " order by d.id" + direction + branchLimit(cursor) + ")");
            }
            // The layer's own column, so the walk starts in the layers' status index at the cursor.
            branches.add(select + " and l.status = '" + RANKED.get(rank) + "'"
                    + (after.isEmpty() ? "" : " and l.document_id" + after)
                    + " order by l.document_id" + direction + branchLimit(cursor) + ")");
        }
        return union(branches, cursor, direction);
    }

    /** By last change: the documents never changed in that layer (by id), and the others in the layer's index. */
    private String changedBranches(Cursor cursor, String direction) {
        boolean afterUnchanged = cursor != null && cursor.key().equals(NEVER);
        String less = query.descending() ? "<" : ">";
        List<String> branches = new ArrayList<>();
        // Ascending, the unchanged come first; a cursor among the changed has passed them all (descending: mirrored).
        boolean unchangedLeft = cursor == null || afterUnchanged || query.descending();
        boolean changedLeft = cursor == null || !afterUnchanged || !query.descending();
        if (unchangedLeft) {
            String after = afterUnchanged ? " and d.id " + less + " :afterId" : "";
            branches.add("(select " + COLUMNS + "cast('" + NEVER + "' as timestamptz) as sort_key, '" + NEVER
                    + "' as sort_text from documents d " + join(parameters) + filters(parameters) + " and l.document_id is null" + after
                    + " order by d.id" + direction + branchLimit(cursor) + ")");
        }
        if (changedLeft) {
            String after = "";
            if (cursor != null && !afterUnchanged) {
                after = " and (l.updated_at, l.document_id) " + less + " (cast(:afterKey as timestamptz), :afterId)";
                parameters.put("afterKey", cursor.key());
            }
            branches.add("(select " + COLUMNS + "l.updated_at as sort_key, cast(l.updated_at as text) as sort_text"
                    + " from documents d " + join(parameters) + filters(parameters) + " and l.document_id is not null" + after
                    + " order by l.updated_at" + direction + ", l.document_id" + direction + branchLimit(cursor) + ")");
        }
        return union(branches, cursor, direction);
    }

    private static final String NEVER = "-infinity";

    private String branchLimit(Cursor cursor) {
        if (cursor != null) {
            parameters.put("afterId", cursor.id());
            return " limit :limit";
        }
        parameters.put("branchLimit", (long) query.limit() + 1 + query.offset());
        return " limit :branchLimit";
    }

    private static String union(List<String> branches, Cursor cursor, String direction) {
        return "select * from (" + String.join(" union all ", branches) + ") u order by sort_key" + direction
                + ", id" + direction + " limit :limit" + (cursor == null ? " offset :offset" : "");
    }

    /** Counts with parameters of its own: the page's cursor and limits must not reach the count. */
    private long total() {
        Map<String, Object> own = new HashMap<>();
        String sql = "select count(*) from documents d " + (query.status() == null ? "" : join(own)) + filters(own);
        return ((Number) bind(em.createNativeQuery(sql), own).getSingleResult()).longValue();
    }

    /** The layer whose status and last change the list shows: the unique owner index finds it per document. */
    private String join(Map<String, Object> parameters) {
        parameters.put("ownerKind", query.ownerKind());
        parameters.put("ownerId", query.ownerId() == null ? 0L : query.ownerId());
        return """
                left join annotation_layers l on l.document_id = d.id and l.owner_kind = :ownerKind
                 and coalesce(l.user_id, 0) = :ownerId
                """;
    }

    private StringBuilder filters(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where d.project_id = :project");
        parameters.put("project", query.projectId());
        if (query.onlyAssigned()) {
            where.append(" and exists (select 1 from assignments s where s.document_id = d.id and s.user_id = :user)");
            parameters.put("user", query.userId());
        }
        if (query.annotatorId() != null) {
            where.append(" and exists (select 1 from assignments s where s.document_id = d.id"
                    + " and s.user_id = :annotator)");
            parameters.put("annotator", query.annotatorId());
        }
        if (query.status() != null) {
            // Written so that for a status other than NEW the planner may join from the layers' status index.
            where.append("NEW".equals(query.status()) ? " and (l.id is null or l.status = :status)"
                    : " and l.status = :status");
            parameters.put("status", query.status());
        }
        return where;
    }

    private String sortKey() {
        return switch (query.order()) {
            case ID -> "d.id";
            case NAME -> "d.external_id";
            case LENGTH -> "d.length";
            // The work's order, not the alphabet's: new, then in progress, then done.
            case STATUS -> "(case coalesce(l.status, 'NEW') when 'NEW' then 0 when 'IN_PROGRESS' then 1 else 2 end)";
            // A document nobody has touched in that layer counts as changed longest ago.
            case CHANGED -> "coalesce(l.updated_at, cast('-infinity' as timestamptz))";
        };
    }

    private String keyType() {
        return switch (query.order()) {
            case ID -> "bigint";
            case NAME -> "text";
            case LENGTH, STATUS -> "int";
            case CHANGED -> "timestamptz";
        };
    }

    private static Query bind(Query q, Map<String, Object> values) {
        values.forEach(q::setParameter);
        return q;
    }

    /** Where the previous page ended: the order it was read in, its last row's id and sort key (as text). */
    record Cursor(DocumentOrder order, boolean descending, long id, String key) {

        /** What a sort key of each order looks like as PostgreSQL writes it, so a forged one is a 400, not a 500. */
        private static final Map<DocumentOrder, java.util.regex.Pattern> KEYS = Map.of(
                DocumentOrder.ID, java.util.regex.Pattern.compile("\\d{1,18}"),
                DocumentOrder.NAME, java.util.regex.Pattern.compile("(?s).*"),
                DocumentOrder.LENGTH, java.util.regex.Pattern.compile("\\d{1,9}"),
                DocumentOrder.STATUS, java.util.regex.Pattern.compile("[012]"),
                DocumentOrder.CHANGED, java.util.regex.Pattern.compile(
                        "-infinity|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?[+-]\\d{2}(:\\d{2})?"));

        String encode() {
            String plain = order.name() + ":" + (descending ? "desc" : "asc") + ":" + id + ":" + key;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text, DocumentOrder order, boolean descending) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 4);
            } catch (IllegalArgumentException e) {
                parts = new String[0];
            }
            if (parts.length != 4 || !parts[2].matches("\\d{1,18}")) {
                throw ApiException.badField("after is not a cursor this list gave out: use the 'next' of a "
                        + "previous page", "after");
            }
            if (!parts[0].equals(order.name()) || !parts[1].equals(descending ? "desc" : "asc")) {
                throw ApiException.badField("after belongs to a list in another order: keep the sort of the page "
                        + "that gave it", "after");
            }
            if (!KEYS.get(order).matcher(parts[3]).matches()) {
                throw ApiException.badField("after is not a cursor this list gave out: use the 'next' of a "
                        + "previous page", "after");
            }
            return new Cursor(order, descending, Long.parseLong(parts[2]), parts[3]);
        }
    }
}

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
        StringBuilder where = filters();
        if (cursor != null) {
            where.append(" and (").append(sortKey()).append(", d.id) ").append(query.descending() ? "<" : ">")
                    .append(" (cast(:afterKey as ").append(keyType()).append("), :afterId)");
            parameters.put("afterKey", cursor.key());
            parameters.put("afterId", cursor.id());
        }
        String sql = """
                with page as (
                  select d.id, d.external_id, d.length, coalesce(l.status, 'NEW') as status, l.updated_at,
                         %1$s as sort_key, cast(%1$s as text) as sort_text
                    from documents d %2$s
                   order by 6%3$s, 1%3$s
                   limit :limit %4$s)
                select p.id, p.external_id, p.length, p.status, p.updated_at, p.sort_text,
                       (select count(*) from annotation_layers a
                         where a.document_id = p.id and a.owner_kind = 'USER' and a.status = 'DONE'),
                       (select count(*) from annotation_layers a where a.document_id = p.id and a.owner_kind = 'USER')
                  from page p order by p.sort_key%3$s, p.id%3$s
                """.formatted(sortKey(), join() + where, direction, cursor == null ? "offset :offset" : "");
        parameters.put("limit", query.limit() + 1);
        if (cursor == null) {
            parameters.put("offset", query.offset());
        }
        List<Object[]> found = bind(em.createNativeQuery(sql)).getResultList();
        boolean more = found.size() > query.limit();
        List<Object[]> shown = more ? found.subList(0, query.limit()) : found;
        List<DocumentRow> rows = new ArrayList<>(shown.size());
        for (Object[] r : shown) {
            rows.add(new DocumentRow(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                    (String) r[3], changed(r[4]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue()));
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
        String sql = "select d.id from documents d " + join() + filters() + " order by d.id";
        return ((List<Number>) bind(em.createNativeQuery(sql)).getResultList()).stream().map(Number::longValue)
                .toList();
    }

    private long total() {
        Map<String, Object> kept = new HashMap<>(parameters);
        parameters.clear();
        String sql = "select count(*) from documents d " + join() + filters();
        long total = ((Number) bind(em.createNativeQuery(sql)).getSingleResult()).longValue();
        parameters.putAll(kept);
        return total;
    }

    /** The layer whose status and last change the list shows: the unique owner index finds it per document. */
    private String join() {
        parameters.put("ownerKind", query.ownerKind());
        parameters.put("ownerId", query.ownerId() == null ? 0L : query.ownerId());
        return """
                left join annotation_layers l on l.document_id = d.id and l.owner_kind = :ownerKind
                 and coalesce(l.user_id, 0) = :ownerId
                """;
    }

    private StringBuilder filters() {
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
            where.append(" and coalesce(l.status, 'NEW') = :status");
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

    private Query bind(Query q) {
        parameters.forEach(q::setParameter);
        return q;
    }

    private static OffsetDateTime changed(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    /** Where the previous page ended: the order it was read in, its last row's id and sort key (as text). */
    record Cursor(DocumentOrder order, boolean descending, long id, String key) {

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
            return new Cursor(order, descending, Long.parseLong(parts[2]), parts[3]);
        }
    }
}

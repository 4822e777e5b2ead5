package org.relata.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.web.ApiException;
import org.relata.web.PurgeByAge;
import org.relata.web.Retention;
import org.relata.web.RetentionPurge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;

/**
 * Reads a project's audit log newest first, a page at a time, with a keyset cursor (the last row's id): a page deep
 * in a long history costs what the first one does. Filters by the acting user and by document (its name).
 */
@ApplicationScoped
public class AuditTrail extends PurgeByAge {

    public static final int MAX_LIMIT = 500;

    /**
     * One change: who, when, what (action on entity and its id), where (document and layer, when a layer was
     * written). change holds a created or deleted object's fields, or an update's changed fields as [old, new].
     */
    @RegisterForReflection
    public record Event(long id, OffsetDateTime at, String user, String action, String entity, Long entityId,
            Long documentId, String document, String layer, Object change) {

        /** The change in one line for the page: "label: COUNTRY → PERSON, note: – → checked". */
        public String changeText() {
            if (!(change instanceof Map<?, ?> fields)) {
                return change == null ? "" : String.valueOf(change);
            }
            StringBuilder text = new StringBuilder();
            fields.forEach((key, value) -> {
                text.append(text.isEmpty() ? "" : ", ").append(key).append(": ");
                if (CHANGES_BOTH_WAYS.contains(action) && value instanceof List<?> pair && pair.size() == 2) {
                    text.append(shown(pair.get(0))).append(" → ").append(shown(pair.get(1)));
                } else {
                    text.append(shown(value));
                }
            });
            return text.toString();
        }

        private static String shown(Object value) {
            return value == null ? "–" : String.valueOf(value);
        }
    }

    /** Actions recorded with a state before and after, whose fields are therefore [old, new] pairs. */
    static final java.util.Set<String> CHANGES_BOTH_WAYS = java.util.Set.of("update", "replace", "status", "set-role",
            "set-state", "copy");

    /** next is the cursor of the following (older) page, null on the last. */
    @RegisterForReflection
    public record Page(List<Event> items, String next) {
    }

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject LayerNames layerNames;
    @Inject @ConfigMapping(prefix = "relata.audit") Retention retention;

    public AuditTrail() {
        super("audit row(s)");
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Page page(long projectId, String user, String document, String before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badField("limit is 1 to " + MAX_LIMIT + ", for performance reasons.", "limit");
        }
        StringBuilder sql = new StringBuilder("""
                select e.id, e.at, u.username, e.action, e.entity, e.entity_id, e.document_id, d.external_id,
                       e.layer_id, cast(e.change as text)
                  from audit_events e
                  left join users u on u.id = e.user_id
                  left join all_documents d on d.id = e.document_id
                 where e.project_id = ?1""");
        List<Object> params = new ArrayList<>(List.of(projectId));
        if (user != null) {
            params.add(user);
            sql.append(" and e.user_id = (select id from users where username = ?").append(params.size()).append(")");
        }
        if (document != null) {
            params.add(document);
            sql.append(" and e.document_id in (select id from all_documents where project_id = ?1 and external_id = ?")
                    .append(params.size()).append(")");
        }
        if (before != null) {
            params.add(cursor(before));
            sql.append(" and e.id < ?").append(params.size());
        }
        sql.append(" order by e.id desc limit ").append(limit + 1);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, String> layers = layerNames.of(rows.stream().map(row -> longOrNull(row[8]))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<Event> events = new ArrayList<>();
        for (Object[] row : rows) {
            Long layerId = longOrNull(row[8]);
            events.add(new Event(((Number) row[0]).longValue(), at(row[1]), (String) row[2], (String) row[3],
                    (String) row[4], longOrNull(row[5]), longOrNull(row[6]), (String) row[7],
                    layerId == null ? null : layers.get(layerId), parse((String) row[9])));
        }
        if (events.size() <= limit) {
            return new Page(events, null);
        }
        List<Event> shown = events.subList(0, limit);
        return new Page(List.copyOf(shown), Long.toString(shown.get(limit - 1).id()));
    }

    @Override
    protected Retention retention() {
        return retention;
    }

    /** Runs only when a retention is set (RetentionPurges schedules it). */
    @Override
    public long purgeIntervalMinutes() {
        return retentionDays() > 0 ? super.purgeIntervalMinutes() : 0;
    }

    /** Removes the rows older than relata.audit.retention-days (0: keeps them all); answers how many. */
    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        if (retentionDays() <= 0) {
            return 0;
        }
        return em.createNativeQuery("delete from audit_events where at < ?1")
                .setParameter(1, RetentionPurge.cutoff(now, retentionDays())).executeUpdate();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static long cursor(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badField("before is the next cursor of a previous page.", "before");
        }
    }

    private Object parse(String change) {
        if (change == null) {
            return null;
        }
        try {
            return json.readValue(change, Object.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}

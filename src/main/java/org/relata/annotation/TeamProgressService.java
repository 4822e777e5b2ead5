package org.relata.annotation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.annotation.TeamProgress.AnnotatorProgress;
import org.relata.annotation.TeamProgress.DocumentProgress;
import org.relata.annotation.TeamProgress.LabelCounts;

/**
 * Counts for the progress dashboard, each table in one aggregate query. Counting every span and relation of a large
 * project takes about a second, so the per-annotator and per-label tables are kept until the project's layers,
 * labels, members or assignments change (every write steps a layer's version; see {@link #fingerprint}).
 */
@ApplicationScoped
public class TeamProgressService {

    @Inject
    EntityManager em;

    private record Totals(String fingerprint, List<AnnotatorProgress> annotators, List<LabelCounts> labels) {
    }

    private final Map<Long, Totals> kept = new java.util.concurrent.ConcurrentHashMap<>();

    public TeamProgress of(long projectId) {
        Totals totals = totals(projectId);
        return new TeamProgress(totals.annotators(), totals.labels(), documents(projectId, Integer.MAX_VALUE, 0));
    }

    /** The same with only a page of the documents (the dashboard page shows them a page at a time). */
    public TeamProgress of(long projectId, int limit, long offset) {
        Totals totals = totals(projectId);
        return new TeamProgress(totals.annotators(), totals.labels(), documents(projectId, limit, offset));
    }

    private Totals totals(long projectId) {
        String fingerprint = fingerprint(projectId);
        Totals totals = kept.get(projectId);
        if (totals == null || !totals.fingerprint().equals(fingerprint)) {
            totals = new Totals(fingerprint, annotators(projectId), labels(projectId));
            kept.put(projectId, totals);
        }
        return totals;
    }

    /**
     * What the totals depend on, read in one quick query: the layers of the project's documents (how many, their
     * versions, newest id and change), the label names, the members and roles, and the assignments.
     */
    private String fingerprint(long projectId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(l.version), 0), coalesce(max(l.id), 0),
                       coalesce(max(extract(epoch from l.updated_at)), 0),
                       (select coalesce(sum(hashtext(name)), 0) from entity_types where project_id = ?1),
                       (select coalesce(sum(hashtext(name)), 0) from relation_types where project_id = ?1),
                       (select coalesce(sum(hashtext(user_id || role)), 0) from project_members where project_id = ?1),
                       (select count(*) from assignments where project_id = ?1)
                  from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ?1 and l.owner_kind in ('USER', 'GOLD')""")
                .setParameter(1, projectId).getSingleResult();
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(value).append('/');
        }
        return key.toString();
    }

    @SuppressWarnings("unchecked")
    private List<AnnotatorProgress> annotators(long projectId) {
        List<Object[]> rows = em.createNativeQuery("""
                with layers as (
                    select l.id, l.user_id, l.status, l.updated_at from annotation_layers l
                      join documents d on d.id = l.document_id
                     where d.project_id = ?1 and l.owner_kind = 'USER')
                select u.username, m.role,
                       (select count(*) from assignments a where a.project_id = ?1 and a.user_id = u.id),
                       (select count(*) from layers l where l.user_id = u.id and l.status = 'IN_PROGRESS'),
                       (select count(*) from layers l where l.user_id = u.id and l.status = 'DONE'),
                       (select count(*) from spans s join layers l on l.id = s.layer_id where l.user_id = u.id),
                       (select count(*) from relations r join layers l on l.id = r.layer_id where l.user_id = u.id),
                       (select max(l.updated_at) from layers l where l.user_id = u.id)
                  from project_members m join users u on u.id = m.user_id
                 where m.project_id = ?1 order by u.username""")
                .setParameter(1, projectId).getResultList();
        return rows.stream().map(r -> new AnnotatorProgress((String) r[0], (String) r[1], count(r[2]), count(r[3]),
                count(r[4]), count(r[5]), count(r[6]), time(r[7]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<LabelCounts> labels(long projectId) {
        Map<String, LabelCounts> labels = new LinkedHashMap<>();
        for (Object[] type : (List<Object[]>) em.createNativeQuery("""
                select name, 'span' from entity_types where project_id = ?1
                union all select name, 'relation' from relation_types where project_id = ?1""")
                .setParameter(1, projectId).getResultList()) {
            labels.put(type[1] + "\t" + type[0], new LabelCounts((String) type[0], (String) type[1], 0, new TreeMap<>()));
        }
        List<Object[]> rows = em.createNativeQuery("""
                select 'span', t.name, l.owner_kind, u.username, count(*)
                  from spans s join annotation_layers l on l.id = s.layer_id join entity_types t on t.id = s.entity_type_id
                  left join users u on u.id = l.user_id
                 where t.project_id = ?1 and l.owner_kind in ('GOLD', 'USER') group by 1, 2, 3, 4
                union all
                select 'relation', t.name, l.owner_kind, u.username, count(*)
                  from relations r join annotation_layers l on l.id = r.layer_id
                  join relation_types t on t.id = r.relation_type_id left join users u on u.id = l.user_id
                 where t.project_id = ?1 and l.owner_kind in ('GOLD', 'USER') group by 1, 2, 3, 4""")
                .setParameter(1, projectId).getResultList();
        for (Object[] row : rows) {
            String key = row[0] + "\t" + row[1];
            LabelCounts label = labels.get(key);
            if ("GOLD".equals(row[2])) {
                labels.put(key, new LabelCounts(label.label(), label.kind(), count(row[4]), label.byAnnotator()));
            } else {
                label.byAnnotator().put((String) row[3], count(row[4]));
            }
        }
        return new ArrayList<>(labels.values());
    }

    @SuppressWarnings("unchecked")
    private List<DocumentProgress> documents(long projectId, int limit, long offset) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.external_id,
                       (select string_agg(u.username, ',' order by u.username) from assignments a
                          join users u on u.id = a.user_id where a.document_id = d.id),
                       (select string_agg(u.username, ',' order by u.username) from annotation_layers l
                          join users u on u.id = l.user_id
                         where l.document_id = d.id and l.owner_kind = 'USER' and l.status = 'DONE')
                  from documents d where d.project_id = ?1 order by d.id limit ?2 offset ?3""")
                .setParameter(1, projectId).setParameter(2, limit).setParameter(3, offset).getResultList();
        // usernames cannot hold a comma, so the joined lists split back safely
        return rows.stream().map(r -> new DocumentProgress(count(r[0]), (String) r[1], names(r[2]), names(r[3])))
                .toList();
    }

    private static List<String> names(Object joined) {
        return joined == null ? List.of() : Arrays.asList(((String) joined).split(","));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}

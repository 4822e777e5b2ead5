package org.relata.workflow;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.relata.annotation.TeamLayers;
import org.relata.audit.AuditLog;
import org.relata.workflow.AssignmentPlan.Pair;
import org.relata.workflow.AssignmentRequest.AssignmentView;
import org.relata.web.ApiException;

import com.fasterxml.jackson.databind.JsonNode;

/** Hands documents to annotators and takes them back; every change is audited. */
@ApplicationScoped
public class AssignmentService {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    TeamLayers layers;

    /** Returns how many (document, annotator) assignments are new. */
    @Transactional
    public int assign(long projectId, long actorId, AssignmentRequest request) {
        List<Long> annotators = annotatorIds(projectId, request.annotators());
        List<Long> documents = documentIds(projectId, request.documents());
        Set<Pair> existing = existing(projectId);
        List<Pair> pairs = new ArrayList<>();
        if (request.perDocument() == null) {
            for (Long document : documents) {
                for (Long annotator : annotators) {
                    if (!existing.contains(new Pair(document, annotator))) {
                        pairs.add(new Pair(document, annotator));
                    }
                }
            }
        } else {
            if (request.perDocument() < 1 || request.perDocument() > annotators.size()) {
                throw ApiException.badField("perDocument is between 1 and the number of annotators.", "perDocument");
            }
            long seed = request.seed() == null ? ThreadLocalRandom.current().nextLong() : request.seed();
            pairs = AssignmentPlan.plan(documents, annotators, load(projectId), existing, request.perDocument(), seed);
        }
        insert(projectId, pairs);
        audit.record(actorId, projectId, "assign", "assignment", null, null,
                Map.of("created", pairs.size(), "annotators", request.annotators(),
                        "perDocument", request.perDocument() == null ? "all" : request.perDocument(),
                        "seed", request.seed() == null ? "none" : request.seed()));
        return pairs.size();
    }

    @SuppressWarnings("unchecked")
    public List<AssignmentView> list(long projectId, String annotator) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.external_id, u.username, u.id
                  from assignments a join documents d on d.id = a.document_id join users u on u.id = a.user_id
                 where a.project_id = ?1 and (cast(?2 as text) is null or u.username = ?2)
                 order by d.id, u.username""")
                .setParameter(1, projectId).setParameter(2, annotator).getResultList();
        Map<String, String> statuses = layers.statuses(projectId);
        return rows.stream().map(r -> new AssignmentView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                statuses.getOrDefault(r[0] + ":" + r[3], "NEW"))).toList();
    }

    /** Takes a document back from an annotator; their layer is deleted only when {@code discard} is set. */
    @Transactional
    public void unassign(long projectId, long actorId, long documentId, String username, boolean discard) {
        List<?> users = em.createNativeQuery("""
                select a.user_id from assignments a join users u on u.id = a.user_id
                 where a.project_id = ?1 and a.document_id = ?2 and u.username = ?3""")
                .setParameter(1, projectId).setParameter(2, documentId).setParameter(3, username).getResultList();
        if (users.isEmpty()) {
            throw ApiException.notFound("No such assignment.");
        }
        long userId = ((Number) users.get(0)).longValue();
        em.createNativeQuery("delete from assignments where document_id = ?1 and user_id = ?2")
                .setParameter(1, documentId).setParameter(2, userId).executeUpdate();
        boolean discarded = discard && layers.discard(documentId, userId);
        audit.record(actorId, projectId, discard ? "unassign-discard" : "unassign", "assignment", documentId,
                null, Map.of("annotator", username, "layerDiscarded", discarded));
    }

    /** The named members' ids in the request's order; 400 naming the first one that is no member. */
    private List<Long> annotatorIds(long projectId, List<String> usernames) {
        if (usernames == null || usernames.isEmpty()) {
            throw ApiException.badField("Name at least one annotator.", "annotators");
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            List<?> found = em.createNativeQuery("""
                    select u.id from project_members m join users u on u.id = m.user_id
                     where m.project_id = ?1 and u.username = ?2""")
                    .setParameter(1, projectId).setParameter(2, usernames.get(i)).getResultList();
            if (found.isEmpty()) {
                throw ApiException.badField("'" + usernames.get(i) + "' is no member of the project.",
                        "annotators[" + i + "]");
            }
            Long id = ((Number) found.get(0)).longValue();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private List<Long> documentIds(long projectId, JsonNode documents) {
        if (documents != null && documents.isTextual()
                && (documents.asText().equals("all") || documents.asText().equals("unassigned"))) {
            String unassigned = documents.asText().equals("unassigned")
                    ? " and not exists (select 1 from assignments a where a.document_id = d.id)" : "";
            return ((List<Number>) em.createNativeQuery(
                    "select d.id from documents d where d.project_id = ?1" + unassigned + " order by d.id")
                    .setParameter(1, projectId).getResultList()).stream().map(Number::longValue).toList();
        }
        if (documents == null || !documents.isArray() || documents.isEmpty()) {
            throw ApiException.badField("documents is a list of document ids, \"all\" or \"unassigned\".", "documents");
        }
        Set<Long> ids = new java.util.TreeSet<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode id = documents.get(i);
            boolean inProject = id.canConvertToLong() && ((Number) em.createNativeQuery(
                    "select count(*) from documents where id = ?1 and project_id = ?2")
                    .setParameter(1, id.asLong()).setParameter(2, projectId).getSingleResult()).longValue() == 1;
            if (!inProject) {
                throw ApiException.badField("No such document in the project.", "documents[" + i + "]");
            }
            ids.add(id.asLong());
        }
        return new ArrayList<>(ids);
    }

    @SuppressWarnings("unchecked")
    private Set<Pair> existing(long projectId) {
        Set<Pair> pairs = new HashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select document_id, user_id from assignments where project_id = ?1")
                .setParameter(1, projectId).getResultList()) {
            pairs.add(new Pair(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Long> load(long projectId) {
        Map<Long, Long> load = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select user_id, count(*) from assignments where project_id = ?1 group by user_id")
                .setParameter(1, projectId).getResultList()) {
            load.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return load;
    }

    /** One JDBC batch instead of a statement per row: "all" on a large project makes tens of thousands. */
    private void insert(long projectId, List<Pair> pairs) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into assignments (document_id, user_id, project_id) values (?, ?, ?) on conflict do nothing")) {
                for (Pair pair : pairs) {
                    statement.setLong(1, pair.documentId());
                    statement.setLong(2, pair.userId());
                    statement.setLong(3, projectId);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}

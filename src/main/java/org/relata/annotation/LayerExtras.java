package org.relata.annotation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.relata.annotation.AnnotationViews.ArgumentView;
import org.relata.annotation.AnnotationViews.EquivalenceView;
import org.relata.annotation.AnnotationViews.EventView;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A layer's equivalences and events for the workspace (issue 13). They come from brat imports and are few per
 * document, so plain native queries, read once when a document opens.
 */
final class LayerExtras {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerExtras() {
    }

    static List<EquivalenceView> equivalences(EntityManager em, long layerId) {
        Map<Long, EquivalenceView> byId = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                select e.id, e.type, m.span_id from equivalences e join equivalence_members m on m.equivalence_id = e.id
                 where e.layer_id = ?1 order by e.id, m.position""").setParameter(1, layerId).getResultList()) {
            Object[] r = (Object[]) row;
            byId.computeIfAbsent(((Number) r[0]).longValue(),
                    id -> new EquivalenceView(id, (String) r[1], new ArrayList<>())).spans().add(((Number) r[2]).longValue());
        }
        return List.copyOf(byId.values());
    }

    static List<EventView> events(EntityManager em, long layerId) {
        Map<Long, EventView> byId = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                select e.id, t.name, e.trigger_span_id, e.attributes::text, e.note from events e
                  join event_types t on t.id = e.event_type_id where e.layer_id = ?1 order by e.id""")
                .setParameter(1, layerId).getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            Map<String, Object> attributes;
            try {
                attributes = JSON.readValue((String) r[3], new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            byId.put(id, new EventView(id, (String) r[1], ((Number) r[2]).longValue(), new ArrayList<>(), attributes,
                    (String) r[4]));
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        for (Object row : em.createNativeQuery("""
                select event_id, role, span_id, argument_event_id from event_arguments where layer_id = ?1
                 order by event_id, position""").setParameter(1, layerId).getResultList()) {
            Object[] r = (Object[]) row;
            byId.get(((Number) r[0]).longValue()).arguments().add(new ArgumentView((String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue(), r[3] == null ? null : ((Number) r[3]).longValue()));
        }
        return List.copyOf(byId.values());
    }
}

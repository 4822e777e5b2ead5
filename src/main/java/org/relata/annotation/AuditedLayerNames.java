package org.relata.annotation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.audit.LayerNames;

/** Names the layers the audit page shows, in one query for a page of rows. */
@ApplicationScoped
public class AuditedLayerNames implements LayerNames {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Map<Long, String> of(Collection<Long> layerIds) {
        Map<Long, String> names = new HashMap<>();
        if (layerIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select l.id, case l.owner_kind when 'USER' then u.username when 'GOLD' then ?2
                                               else ?3 end
                  from annotation_layers l left join users u on u.id = l.user_id
                 where l.id = any(?1)""")
                .setParameter(1, layerIds.toArray(Long[]::new))
                .setParameter(2, LayerOwner.GOLD_NAME)
                .setParameter(3, LayerOwner.SUGGESTIONS_NAME)
                .getResultList();
        for (Object[] row : rows) {
            names.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return names;
    }
}

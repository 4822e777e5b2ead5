package org.relata.schema;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.relata.project.Project;

/** A label for relations between two spans, with the (head, tail) entity-type pairs it allows. */
@Entity
@Table(name = "relation_types")
public class RelationType extends LabelType {

    public boolean directed = true;

    @OneToMany(mappedBy = "relationType", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<RelationTypePair> allowed = new ArrayList<>();

    /** See {@link SchemaRules#allows}. */
    public boolean allows(EntityType head, EntityType tail) {
        return SchemaRules.allows(directed, !allowed.isEmpty(), (h, t) -> allowed.stream()
                .anyMatch(pair -> pair.headType.id.equals(h.id) && pair.tailType.id.equals(t.id)), head, tail);
    }

    public static List<RelationType> inProject(Project project) {
        return list("project = ?1 order by position, id", project);
    }

    public static RelationType named(Project project, String name) {
        return find("project = ?1 and name = ?2", project, name).firstResult();
    }
}

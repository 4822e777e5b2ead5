package org.relata.schema;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.relata.project.Project;

/** A label for spans, such as COUNTRY or PERSON. */
@Entity
@Table(name = "entity_types")
public class EntityType extends LabelType {

    public static List<EntityType> inProject(Project project) {
        return list("project = ?1 order by position, id", project);
    }

    public static EntityType named(Project project, String name) {
        return find("project = ?1 and name = ?2", project, name).firstResult();
    }
}

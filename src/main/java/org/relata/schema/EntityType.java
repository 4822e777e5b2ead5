package org.relata.schema;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.relata.project.Project;

import org.relata.persistence.IdentityEntity;

/** A label for spans, such as COUNTRY or PERSON. */
@Entity
@Table(name = "entity_types")
public class EntityType extends IdentityEntity {

    @ManyToOne(optional = false)
    public Project project;

    public String name;

    public String color;

    public String hotkey;

    /** A longer name to show (brat's visual.conf); null: the name. */
    @Column(name = "display_name")
    public String displayName;

    public int position;

    public static List<EntityType> inProject(Project project) {
        return list("project = ?1 order by position, id", project);
    }

    public static EntityType named(Project project, String name) {
        return find("project = ?1 and name = ?2", project, name).firstResult();
    }
}

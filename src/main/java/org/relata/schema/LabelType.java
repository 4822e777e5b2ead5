package org.relata.schema;

import jakarta.persistence.Column;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.relata.persistence.IdentityEntity;
import org.relata.project.Project;

/** What entity and relation types share: a project's named, coloured label with an optional hotkey. */
@MappedSuperclass
public abstract class LabelType extends IdentityEntity {

    @ManyToOne(optional = false)
    public Project project;

    public String name;

    public String color;

    public String hotkey;

    /** A longer name to show (brat's visual.conf); null: the name. */
    @Column(name = "display_name")
    public String displayName;

    public int position;
}

package org.relata.schema;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relata.project.Project;

import org.relata.persistence.IdentityEntity;

/** An attribute that spans or relations may carry: boolean (no values) or one of a list of values. */
@Entity
@Table(name = "attribute_defs")
public class AttributeDef extends IdentityEntity {

    public static final String ON_SPAN = "span";
    public static final String ON_RELATION = "relation";

    @ManyToOne(optional = false) public Project project;

    public String name;

    /** "span" or "relation". */
    public String target;

    @JdbcTypeCode(SqlTypes.JSON) @Column(name = "allowed_values") public List<String> allowedValues;

    public int position;

    public boolean isBoolean() {
        return allowedValues == null;
    }

    public static List<AttributeDef> inProject(Project project) {
        return list("project = ?1 order by position, id", project);
    }
}

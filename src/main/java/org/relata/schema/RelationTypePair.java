package org.relata.schema;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One allowed (head, tail) pair of a relation type. */
@Entity
@Table(name = "relation_type_pairs")
@IdClass(RelationTypePair.Key.class)
public class RelationTypePair extends PanacheEntityBase {

    @Id @ManyToOne(optional = false) @JoinColumn(name = "relation_type_id") public RelationType relationType;

    @Id @ManyToOne(optional = false) @JoinColumn(name = "head_type_id") public EntityType headType;

    @Id @ManyToOne(optional = false) @JoinColumn(name = "tail_type_id") public EntityType tailType;

    /** Lets the database check that all three types belong to the same project. */
    @Column(name = "project_id") public Long projectId;

    public static class Key implements Serializable {
        public Long relationType;
        public Long headType;
        public Long tailType;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(relationType, k.relationType)
                    && Objects.equals(headType, k.headType) && Objects.equals(tailType, k.tailType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(relationType, headType, tailType);
        }
    }
}

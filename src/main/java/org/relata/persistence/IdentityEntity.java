package org.relata.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Ids come from the tables' own identity columns, so rows written by Hibernate and by the bulk
 * (JDBC/COPY) import paths draw from one sequence.
 */
@MappedSuperclass
public abstract class IdentityEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other != null && other.getClass() == getClass() && id != null && id.equals(((IdentityEntity) other).id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : id.hashCode();
    }
}

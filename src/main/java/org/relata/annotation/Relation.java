package org.relata.annotation;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relata.schema.RelationType;

import org.relata.persistence.IdentityEntity;

/** A typed link from a head span to a tail span of the same layer. */
@Entity
@Table(name = "relations")
public class Relation extends IdentityEntity {

    @ManyToOne(optional = false) public Layer layer;

    @ManyToOne(optional = false) @JoinColumn(name = "head_span_id") public Span head;

    @ManyToOne(optional = false) @JoinColumn(name = "tail_span_id") public Span tail;

    @ManyToOne(optional = false) @JoinColumn(name = "relation_type_id") public RelationType type;

    @JdbcTypeCode(SqlTypes.JSON) public Map<String, Object> attributes = Map.of();

    public String note;

    /** Relations in which the span is head or tail. */
    public static List<Relation> touching(Span span) {
        return list("head = ?1 or tail = ?1", span);
    }

    public static List<Relation> inLayer(Layer layer) {
        return list("layer = ?1 order by id", layer);
    }
}

package org.relata.annotation;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relata.schema.EntityType;

import org.relata.persistence.IdentityEntity;

/** A labelled stretch of a document's text: code points [start, end). */
@Entity
@Table(name = "spans")
public class Span extends IdentityEntity {

    @ManyToOne(optional = false) public Layer layer;

    @Column(name = "doc_length") public int docLength;

    /** Code points, inclusive. */
    @Column(name = "start_offset") public int start;

    /** Code points, exclusive. */
    @Column(name = "end_offset") public int end;

    @ManyToOne(optional = false) @jakarta.persistence.JoinColumn(name = "entity_type_id") public EntityType type;

    @JdbcTypeCode(SqlTypes.JSON) public Map<String, Object> attributes = Map.of();

    public String note;

    /** Entity links (brat normalizations): resource, id, text. */
    @JdbcTypeCode(SqlTypes.JSON) public List<Map<String, Object>> links = List.of();

    /** A discontinuous span's fragments [[start, end], ...] in text order; null when contiguous (issue 13). */
    @JdbcTypeCode(SqlTypes.JSON) public List<List<Integer>> fragments;

    public static List<Span> inLayer(Layer layer) {
        return list("layer = ?1 order by start, end, id", layer);
    }
}

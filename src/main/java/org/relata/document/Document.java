package org.relata.document;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relata.project.Project;

import org.relata.persistence.IdentityEntity;

/** A text to annotate. Its text never changes once stored, so offsets into it stay valid. */
@Entity
@Table(name = "documents")
public class Document extends IdentityEntity {

    @ManyToOne(optional = false) public Project project;

    /** The id the document has in the files it came from, unique in its project. */
    @Column(name = "external_id") public String externalId;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON) public Map<String, Object> meta = Map.of();

    /** Length in Unicode code points. */
    public int length;

    @Column(name = "created_at", insertable = false, updatable = false) public OffsetDateTime createdAt;

    public static Document create(Project project, String externalId, String text, Map<String, Object> meta) {
        Document document = new Document();
        document.project = project;
        document.externalId = externalId;
        document.text = text;
        document.meta = meta == null ? Map.of() : meta;
        document.length = text.codePointCount(0, text.length());
        document.persist();
        return document;
    }
}

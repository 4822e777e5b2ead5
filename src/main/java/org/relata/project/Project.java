package org.relata.project;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relata.user.User;

import org.relata.persistence.IdentityEntity;

@Entity
@Table(name = "projects")
public class Project extends IdentityEntity {

    public String name;

    public String description = "";

    /** Annotation guidelines in Markdown, shown to annotators beside the text. */
    public String guidelines = "";

    /**
     * Blind annotation: an annotator sees only the documents assigned to them and only their own layer. Off, they
     * see every document and may read (never change) the other annotators' layers. Curators and managers see all.
     */
    public boolean blind = true;

    /**
     * Curation: the share of a document's annotators (0.5 to 1.0) that must agree on an annotation for it to go into
     * gold by itself when curation starts; 1.0 means all of them.
     */
    @Column(name = "pre_accept_share", precision = 4, scale = 3)
    public java.math.BigDecimal preAcceptShare = java.math.BigDecimal.ONE;

    @Column(name = "created_at", insertable = false, updatable = false) public OffsetDateTime createdAt;

    @Version public long version;

    /** The knowledge bases entity links may point into (the schema's linkResources); empty: any. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "link_resources")
    public List<String> linkResources = List.of();

    /** A retired project is read-only (RetiredProjectGuard) and hidden on the project list by default. */
    @Enumerated(EnumType.STRING) public ProjectState state = ProjectState.ACTIVE;

    public boolean isRetired() {
        return state == ProjectState.RETIRED;
    }

    public static Project byName(String name) {
        return find("name", name).firstResult();
    }

    /** The projects a user may see: all for an admin, else those they are a member of. */
    public static List<Project> visibleTo(User user) {
        if (user.admin) {
            return list("order by name");
        }
        return list("select m.project from ProjectMember m where m.user = ?1 order by m.project.name", user);
    }
}

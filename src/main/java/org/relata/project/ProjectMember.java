package org.relata.project;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.relata.user.User;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "project_members")
@IdClass(ProjectMember.Key.class)
public class ProjectMember extends PanacheEntityBase {

    @Id @ManyToOne(optional = false) public Project project;

    @Id @ManyToOne(optional = false) public User user;

    @Enumerated(EnumType.STRING) public Role role;

    public static ProjectMember of(Project project, User user) {
        return find("project = ?1 and user = ?2", project, user).firstResult();
    }

    public static List<ProjectMember> inProject(Project project) {
        return list("project = ?1 order by user.username", project);
    }

    public static class Key implements Serializable {
        public Long project;
        public Long user;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(project, k.project) && Objects.equals(user, k.user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(project, user);
        }
    }
}

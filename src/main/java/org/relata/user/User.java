package org.relata.user;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.relata.persistence.IdentityEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who logs in. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "users")
@UserDefinition
public class User extends IdentityEntity {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    @Username
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    public boolean admin;

    public boolean enabled = true;

    @Column(name = "can_create_projects")
    public boolean canCreateProjects = true;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Security roles follow the admin flag, so they cannot disagree with it. */
    @Roles
    @Formula("case when admin then 'admin,user' else 'user' end")
    public String roles;

    public void setPassword(String password) {
        this.passwordHash = BcryptUtil.bcryptHash(password);
    }

    public static Optional<User> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}

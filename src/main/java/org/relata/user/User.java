package org.relata.user;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.relata.persistence.IdentityEntity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** A person who logs in. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "users")
public class User extends IdentityEntity {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    public String username;

    @Column(name = "password_hash") public String passwordHash;

    public boolean admin;

    public boolean enabled = true;

    /** A right an admin grants (issue 19, finding 5); new accounts start without it. Admins may always. */
    @Column(name = "can_create_projects") public boolean canCreateProjects = false;

    /** Set when an admin deleted the account; the row lives on under a pseudonym ({@link UserService#pseudonymise}). */
    @Column(name = "deleted_at") public OffsetDateTime deletedAt;

    @Column(name = "created_at", insertable = false, updatable = false) public OffsetDateTime createdAt;

    /**
     * The security identity of a user. Roles follow the admin flag, so they cannot disagree with it; {@code credential}
     * says how the request proved who it is ({@link AccountCheck#CREDENTIAL}).
     */
    public static SecurityIdentity identity(String username, boolean admin, String credential) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addAttribute(AccountCheck.CREDENTIAL, credential)
                .addRole(ROLE_USER);
        if (admin) {
            identity.addRole(ROLE_ADMIN);
        }
        return identity.build();
    }

    public void setPassword(String password) {
        this.passwordHash = BcryptUtil.bcryptHash(password);
    }

    public static Optional<User> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}

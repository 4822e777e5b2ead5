package org.relata.user;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.relata.web.ApiException;

@ApplicationScoped
public class TokenService {

    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(User user, String name, OffsetDateTime expiresAt) {
        return issue(user, name, expiresAt, "$.name");
    }

    /** Issues a token; {@code field} names the name's field in an error (the API's $.name, the form's name). */
    @Transactional
    public Issued issue(User user, String name, OffsetDateTime expiresAt, String field) {
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw ApiException.badField("A token's expiry must lie in the future.", "$.expiresAt");
        }
        name = org.relata.web.Names.normalize(name == null ? "" : name.trim());
        String problem = org.relata.web.Names.problem(name, true, 100);
        if (problem != null) {
            throw ApiException.badField(problem + " A token needs a name of 1 to 100 characters.", field);
        }
        String secret = ApiToken.newSecret();
        ApiToken token = new ApiToken();
        token.user = User.findById(user.id);
        token.name = name;
        token.tokenHash = ApiToken.hash(secret);
        token.expiresAt = expiresAt;
        token.persist();
        return new Issued(token, secret);
    }

    @Transactional
    public void revoke(User owner, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null || !token.user.id.equals(owner.id)) {
            throw ApiException.notFound("No such token.");
        }
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now();
        }
    }
}

package org.relata.user;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.relata.persistence.SqlValues;
import org.relata.web.PurgeByAge;
import org.relata.web.Retention;
import org.relata.web.RetentionPurge;

import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.HttpServerRequest;

/**
 * The security log (issue 19, finding 11): who logged in, failed, was throttled, made or revoked a token, changed
 * or reset a password, was granted a role or a right, when and from which address. Each event is written in a
 * transaction of its own, so that a failed login (whose request ends in an error) is recorded all the same, and a
 * failure to record never fails the request. Kept relata.security-log.retention-days (purged by {@link org.relata.web.RetentionPurges}).
 */
@ApplicationScoped
public class SecurityLog extends PurgeByAge {

    private static final Logger LOG = Logger.getLogger(SecurityLog.class);

    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    public static final String TOKEN_CREATED = "TOKEN_CREATED";
    public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String ROLE_GRANTED = "ROLE_GRANTED";
    public static final String RIGHT_GRANTED = "RIGHT_GRANTED";
    public static final String SESSIONS_ENDED = "SESSIONS_ENDED";
    public static final Set<String> TYPES = Set.of(LOGIN, LOGIN_FAILED, LOGIN_THROTTLED, TOKEN_CREATED, TOKEN_REVOKED,
            PASSWORD_CHANGED, PASSWORD_RESET, ROLE_GRANTED, RIGHT_GRANTED, SESSIONS_ENDED);

    /** An event as listed: the user it concerns, the actor when someone else (an admin, a manager) acted. */
    public record Event(long id, OffsetDateTime at, String type, String username, String actor, String address,
            String detail) {
    }

    @Inject EntityManager em;
    @Inject Instance<HttpServerRequest> request;
    @Inject @ConfigMapping(prefix = "relata.security-log") Retention retention;

    public SecurityLog() {
        super("security event(s)");
    }

    /** Records an event of the current HTTP request (its client address). */
    public void record(String type, String username, String actor, String detail) {
        record(type, username, actor, currentAddress(), detail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String type, String username, String actor, String address, String detail) {
        try {
            em.createNativeQuery("insert into security_events (type, username, actor, address, detail)"
                    + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, type).setParameter(2, cut(username, 200)).setParameter(3, cut(actor, 64))
                    .setParameter(4, cut(address, 100)).setParameter(5, cut(detail, 500)).executeUpdate();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the security event %s of %s", type, username);
        }
    }

    /** The newest events first, filtered by type, user (the user concerned or the actor) and time. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<Event> list(String type, String user, OffsetDateTime since, int limit) {
        StringBuilder sql = new StringBuilder("select id, at, type, username, actor, address, detail from security_events"
                + " where true");
        List<Object> params = new ArrayList<>();
        if (type != null) {
            params.add(type);
            sql.append(" and type = ?").append(params.size());
        }
        if (user != null) {
            params.add(user);
            sql.append(" and (username = ?").append(params.size()).append(" or actor = ?").append(params.size())
                    .append(")");
        }
        if (since != null) {
            params.add(since);
            sql.append(" and at >= ?").append(params.size());
        }
        sql.append(" order by at desc, id desc limit ").append(limit);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Event> events = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            events.add(new Event(((Number) row[0]).longValue(), SqlValues.timestamp(row[1]), (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6]));
        }
        return events;
    }

    /** Removes the events older than the retention time; answers how many. */
    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("delete from security_events where at < ?1")
                .setParameter(1, RetentionPurge.cutoff(now, retentionDays())).executeUpdate();
    }

    @Override
    protected Retention retention() {
        return retention;
    }

    private String currentAddress() {
        try {
            if (request.isResolvable()) {
                var remote = request.get().remoteAddress();
                return remote == null ? null : remote.hostAddress();
            }
        } catch (RuntimeException e) {
            // Outside an HTTP request (a job): no address.
        }
        return null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

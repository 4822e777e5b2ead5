package org.relata.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.quarkus.security.ForbiddenException;

/** Every error leaves the API as {@code {"error","file","line","field"}}. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status, e.body);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        return respond(400, ApiError.ofField(first.getMessage(), jsonPath(first.getPropertyPath().toString())));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return respond(400, new ApiError("The request body is not valid JSON: " + plain(e.getOriginalMessage()),
                null, line > 0 ? line : null, null));
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(JsonMappingException e) {
        if (e.getCause() instanceof ApiException api) {
            // refused while the body was read (JsonBodyLimit's 413 for a chunked body over the limit)
            return api(api);
        }
        String field = e.getPath().isEmpty() ? fieldFromMessage(e.getMessage()) : "$" + e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        return respond(400, ApiError.ofField("The request body is not the JSON this call expects: " + plain(e.getOriginalMessage()), field));
    }

    /** More specific than Quarkus' own mapper for this type, which answers in another shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return wrongJsonShape(e);
    }

    /**
     * The rest of Jackson's reading errors: a number out of range of its field ({@code InputCoercionException}),
     * one longer than 1,000 digits ({@code StreamConstraintsException}), ... They are no mapping errors, so they
     * carry no path of their own; the parser still knows where it stands.
     */
    @ServerExceptionMapper
    public Response unreadableValue(JsonProcessingException e) {
        if (e.getCause() instanceof ApiException api) {
            return api(api);
        }
        String field = e.getProcessor() instanceof JsonParser parser ? jsonPath(parser.getParsingContext()) : null;
        return respond(400, ApiError.ofField("The request body is not the JSON this call expects: "
                + plain(e.getOriginalMessage()), field));
    }

    private static String jsonPath(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        return parts.isEmpty() ? null : "$" + String.join("", parts);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e) {
        return respond(409, ApiError.of("Someone else changed this meanwhile; reload and try again."));
    }

    /** The API answers a missing login with 401 and the error body; pages send people to the login form. */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, jakarta.ws.rs.core.UriInfo uri) {
        if (ApiPaths.isApi(uri.getPath())) {
            return Response.status(401).header("WWW-Authenticate", ApiError.LOGIN_CHALLENGE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.loginFirst()).build();
        }
        return Response.status(302).header("Location", "/login").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, ApiError.of("You are not allowed to do this."));
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        LOG.debugf("constraint %s violated: %s", e.getConstraintName(), e.getMessage());
        // The constraint's name stays in the log: an answer never names the database's internals (issue 19, finding 7).
        return respond(409, ApiError.of("This conflicts with what is stored; nothing was changed."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader wraps Jackson's own exceptions; answer with their position instead.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return unreadableValue(other);
        }
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 400 -> "Bad request: " + e.getMessage();
            case 404 -> "Not found.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation.";
            case 413 -> "The request is too large.";
            case 415 -> "Unsupported content type.";
            default -> e.getMessage();
        };
        return respond(status, ApiError.of(message));
    }

    /**
     * Anything else: 503 while the database is unreachable, otherwise 500 with an error id that the log line (with
     * the cause) carries too, so that a user's report leads to it.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return unexpectedError(e);
    }

    /** Checked exceptions no other mapper took (an I/O error, say): the same 500 with its error id. */
    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e) {
        return unexpectedError(e);
    }

    private static Response unexpectedError(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("database unreachable: %s", e.getMessage());
            return DatabaseUnavailable.response();
        }
        if (DatabaseUnavailable.sqlState(e, "22021")) {
            // Text PostgreSQL cannot store (a NUL, U+0000) that no check caught earlier: the request's fault, not ours.
            LOG.debugf("text with a NUL character refused by the database: %s", e.getMessage());
            return respond(400, ApiError.of("The request holds a NUL character (U+0000), which cannot be stored."));
        }
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected error, error id %s", id);
        return respond(500, ApiError.of("Internal error (error id " + id + ")."));
    }

    public static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("\\[\"([^\"]+)\"\\]|\\[(\\d+)\\]");

    /** Records lose Jackson's path on some errors; the message still has the reference chain. */
    private static String fieldFromMessage(String message) {
        int chain = message == null ? -1 : message.indexOf("through reference chain:");
        if (chain < 0) {
            return null;
        }
        java.util.regex.Matcher m = REFERENCE.matcher(message.substring(chain));
        StringBuilder path = new StringBuilder("$");
        while (m.find()) {
            path.append(m.group(1) != null ? "." + m.group(1) : "[" + m.group(2) + "]");
        }
        return path.length() == 1 ? null : path.toString();
    }

    /** Jackson's messages without the parser-internal location notes. */
    private static String plain(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf("\n");
        }
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** "create.body.name" (Bean Validation's path) becomes "$.name". */
    private static String jsonPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 2) {
            return "$";
        }
        StringBuilder path = new StringBuilder("$");
        for (int i = 2; i < parts.length; i++) {
            path.append('.').append(parts[i]);
        }
        return path.toString();
    }
}

package org.relata.web;

/** A failure the caller can act on; the mapper turns it into its status and an {@link ApiError} body. */
public class ApiException extends RuntimeException {

    public final int status;
    public final ApiError body;

    public ApiException(int status, ApiError body) {
        super(body.error());
        this.status = status;
        this.body = body;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ApiError.of(message));
    }

    public static ApiException badField(String message, String field) {
        return new ApiException(400, ApiError.ofField(message, field));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ApiError.of(message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ApiError.of(message));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ApiError.of(message));
    }

    public static ApiException conflictOn(String message, String field) {
        return new ApiException(409, ApiError.ofField(message, field));
    }
}

package org.relata.exchange.codec;

import org.relata.web.ApiError;
import org.relata.web.ApiException;

/** Errors of an import, pointing at file, line and JSON field. */
public final class ImportError {

    private ImportError() {
    }

    public static ApiException at(ExDoc.Where where, String message) {
        return status(400, where, message);
    }

    public static ApiException at(ExDoc.Where where, String field, String message) {
        return status(400, where == null ? null : where.field(field), message);
    }

    public static ApiException status(int status, ExDoc.Where where, String message) {
        if (where == null) {
            return new ApiException(status, ApiError.of(message));
        }
        return new ApiException(status, new ApiError(message, where.file(), where.line(), where.field()));
    }

    public static ApiException inFile(String file, Integer line, String message) {
        return new ApiException(400, new ApiError(message, file, line, null));
    }

    public static ApiException tooLarge(String file, Integer line, String message) {
        return new ApiException(413, new ApiError(message, file, line, null));
    }
}

package org.relata.exchange;

import org.relata.web.ApiError;
import org.relata.web.ApiException;

/** Errors of an import, pointing at file, line and JSON field. */
final class ImportError {

    private ImportError() {
    }

    static ApiException at(ExDoc.Where where, String message) {
        return status(400, where, message);
    }

    static ApiException at(ExDoc.Where where, String field, String message) {
        return status(400, where == null ? null : where.field(field), message);
    }

    static ApiException status(int status, ExDoc.Where where, String message) {
        if (where == null) {
            return new ApiException(status, ApiError.of(message));
        }
        return new ApiException(status, new ApiError(message, where.file(), where.line(), where.field()));
    }

    static ApiException inFile(String file, Integer line, String message) {
        return new ApiException(400, new ApiError(message, file, line, null));
    }

    static ApiException tooLarge(String file, Integer line, String message) {
        return new ApiException(413, new ApiError(message, file, line, null));
    }
}

package org.relata.project;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of a project's audit log, taken alike by the API and the page. A blank filter is no filter, as an
 * empty field of the page's form sends it.
 */
public class AuditFilter {

    @QueryParam("user")
    @Parameter(description = "Only changes made by this username")
    String user;

    @QueryParam("document")
    @Parameter(description = "Only changes to this document (its name, as in imports and exports)")
    String document;

    @QueryParam("before")
    @Parameter(description = "The next cursor of the previous page")
    String before;

    String user() {
        return blankToNull(user);
    }

    String document() {
        return blankToNull(document);
    }

    String before() {
        return blankToNull(before);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

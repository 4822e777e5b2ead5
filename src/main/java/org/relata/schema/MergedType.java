package org.relata.schema;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What both type merges take from the request line: the project, the type merged away, and the schema version the
 * caller read (If-Match), so that a merge into a schema changed meanwhile is refused.
 */
public class MergedType {

    @PathParam("id")
    public long projectId;

    @PathParam("typeId")
    public long typeId;

    @HeaderParam("If-Match")
    @Parameter(description = "The ETag of the schema read: a schema changed meanwhile answers 412. The answer's ETag"
            + " is the schema's new version.")
    public String ifMatch;
}

package org.relata.exchange;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of an export, taken alike by the export and by its count, so that the count checks and reads
 * exactly what the export would.
 */
public class ExportQuery {

    @QueryParam("format")
    @DefaultValue("jsonl")
    public String format;

    @QueryParam("source")
    @DefaultValue("gold")
    public String source;

    @QueryParam("status")
    @DefaultValue("done")
    public String status;

    @QueryParam("split")
    public String split;

    @QueryParam("seed")
    public String seed;
}

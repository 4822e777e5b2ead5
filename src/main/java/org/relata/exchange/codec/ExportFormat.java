package org.relata.exchange.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

import org.relata.schema.Schema;

/** One export format: how a document stream becomes bytes. */
public interface ExportFormat {

    String extension();

    String mediaType();

    /** brat writes files into a zip; the others write one stream. */
    default boolean zipped() {
        return false;
    }

    /** Formats that may leave annotations out (CoNLL, Prodigy) count them in a first pass for the response header. */
    default boolean reportsLeftOut() {
        return false;
    }

    /** What the format does with a discontinuous span (issue 13): keeps its pieces, writes its outer bounds, or leaves it out. */
    enum DiscontinuousSpans { KEPT, OUTER_BOUNDS, LEFT_OUT }

    default DiscontinuousSpans discontinuousSpans() {
        return DiscontinuousSpans.KEPT;
    }

    DocWriter open(OutputStream out) throws IOException;

    /** For zipped formats: what goes at the top of the zip before any document (brat's annotation.conf). */
    default void startZip(ZipOutputStream zip, Schema schema) throws IOException {
    }

    /** As {@link #startZip(ZipOutputStream, Schema)}, with the project's event types (brat's [events]). */
    default void startZip(ZipOutputStream zip, Schema schema, java.util.List<EventTypeSpec> eventTypes) throws IOException {
        startZip(zip, schema);
    }

    /** An event type with its roles, as annotation.conf's [events] lists it. */
    record EventTypeSpec(String name, java.util.List<ImportSink.EventRole> roles) {
    }

    default DocWriter openZip(ZipOutputStream zip, String folder, Schema schema) throws IOException {
        throw new UnsupportedOperationException();
    }
}

package org.relata.exchange.codec;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.relata.web.ApiException;

/**
 * What the fuzz tests hand the importers instead of the database writer: it takes every document and defines every
 * label, so that only the parsing layer can refuse. {@link #onlyImportErrors} states the property every parser must
 * keep: whatever the bytes, it ends normally or with the import's own error (a 4xx {@link ApiException} with a
 * message), never with any other exception.
 */
public final class FuzzSink implements ImportSink, ImportSink.Labels {

    /** Small limits, so that a fuzzer's input reaches them quickly. */
    public static final ImportLimits LIMITS = new ImportLimits(1 << 20, 8L << 20, 200, 1000, spoolFolder());

    private long types;
    public int documents;

    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    public static void onlyImportErrors(Parse parse) {
        try {
            parse.run();
        } catch (ApiException e) {
            assertTrue(e.status >= 400 && e.status < 500, "an import error is a 4xx, not " + e.status);
            assertNotNull(e.body.error(), "an import error says what is wrong");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("a parser let a checked exception escape", e);
        }
    }

    @Override
    public void add(ExDoc doc) {
        documents++;
    }

    @Override
    public Labels labels() {
        return this;
    }

    @Override
    public boolean hasRelationType(String name) {
        return name.hashCode() % 2 == 0;
    }

    @Override
    public long defineEntityType(String name, ExDoc.Where where) {
        return ++types;
    }

    @Override
    public void defineRelationType(String name, boolean directed, ExDoc.Where where) {
    }

    @Override
    public boolean allowsAnyPair(String relationType) {
        return false;
    }

    @Override
    public void allowPair(String relationType, long headType, long tailType) {
    }

    @Override
    public void defineAttribute(String target, String name, List<String> values, ExDoc.Where where) {
    }

    @Override
    public void defineEventType(String name, List<EventRole> roles, ExDoc.Where where) {
    }

    @Override
    public void allowLinkResource(String name, ExDoc.Where where) {
    }

    @Override
    public void describe(String name, String displayName, String color) {
    }

    private static Path spoolFolder() {
        try {
            return Files.createDirectories(Path.of("target", "fuzz-spool"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

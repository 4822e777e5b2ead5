package org.relata.exchange.codec;

/**
 * The size limits an importer enforces while it reads (see docs/configuration.md), as plain numbers so that the
 * formats need no configuration machinery, and the folder where a zip upload is spooled (the application's own,
 * swept at start, so a crash leaves nothing behind for long).
 */
public record ImportLimits(long maxDocumentSize, long maxZipTotalSize, int maxZipRatio, int maxZipEntries,
        java.nio.file.Path spoolFolder) {
}

package org.relata.exchange.codec;

/**
 * The size limits an importer enforces while it reads (see docs/configuration.md), as plain numbers so that the
 * formats need no configuration machinery.
 */
public record ImportLimits(long maxDocumentSize, long maxZipTotalSize, int maxZipRatio, int maxZipEntries) {
}

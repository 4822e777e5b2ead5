package org.relata.exchange.store;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of import and export; every key is listed in docs/configuration.md. */
@ConfigMapping(prefix = "relata.exchange")
public interface ExchangeConfig {

    /** Largest single document (its text, in UTF-8 bytes; for JSONL the whole line). */
    @WithDefault("10M")
    MemorySize maxDocumentSize();

    /** Largest total size of all files in an uploaded zip, once unpacked. */
    @WithDefault("2G")
    MemorySize maxZipTotalSize();

    /** Largest ratio of unpacked to packed size of a zip entry (zip-bomb guard). */
    @WithDefault("200")
    int maxZipRatio();

    /** Largest number of entries in an uploaded zip. */
    @WithDefault("200000")
    int maxZipEntries();

    /** Seconds an import may take before its transaction is rolled back. */
    @WithDefault("3600")
    int importTimeoutSeconds();

    /**
     * Exports that read the database at once; more wait their turn. Each holds three pooled connections, so this
     * keeps the rest of the pool for the annotators' requests.
     */
    @WithDefault("4")
    int maxConcurrentExports();

    /**
     * Where uploads wait while they are read (zip imports) and releases while they are written: the application's
     * own folder, swept of files older than the import timeout at start and every hour.
     */
    @WithDefault("${java.io.tmpdir}/relata-uploads")
    String uploadsDirectory();
}

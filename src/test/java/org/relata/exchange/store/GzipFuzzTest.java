package org.relata.exchange.store;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;

import org.relata.exchange.codec.FuzzSink;
import org.relata.exchange.format.jsonl.JsonlImporter;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 12, item 2: a gzip body (damaged, cut short, or expanding far) read as JSONL the way an import reads it ends
 * normally or with the import's own error.
 */
class GzipFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void gzipJsonl(byte[] data) {
        FuzzSink.onlyImportErrors(() -> new JsonlImporter(FuzzSink.LIMITS.maxDocumentSize())
                .read(ImportService.unpack(new ByteArrayInputStream(data), true, "fuzz.jsonl.gz", FuzzSink.LIMITS),
                        "fuzz.jsonl.gz", new FuzzSink(), new ArrayList<>()));
    }
}

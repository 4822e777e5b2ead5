package org.relata.exchange.format.jsonl;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;

import org.relata.exchange.codec.FuzzSink;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 12, item 2: the native JSONL reader (line reader, strict UTF-8, JSON, every field) on any bytes ends normally
 * or with the import's own error. In ./mvnw verify the seeds under JsonlFuzzTestInputs run; a real fuzzing run is
 * described in docs/security.md.
 */
class JsonlFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void jsonlLines(byte[] data) {
        FuzzSink.onlyImportErrors(() -> new JsonlImporter(FuzzSink.LIMITS.maxDocumentSize())
                .read(new ByteArrayInputStream(data), "fuzz.jsonl", new FuzzSink(), new ArrayList<>()));
    }
}

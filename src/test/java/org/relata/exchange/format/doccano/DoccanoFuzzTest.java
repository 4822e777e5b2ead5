package org.relata.exchange.format.doccano;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;

import org.relata.exchange.codec.FuzzSink;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Issue 12, item 2: doccano JSONL (both shapes) on any bytes ends normally or with the import's own error. */
class DoccanoFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void doccanoLines(byte[] data) {
        FuzzSink.onlyImportErrors(() -> new DoccanoImporter(FuzzSink.LIMITS.maxDocumentSize())
                .read(new ByteArrayInputStream(data), "fuzz.jsonl", new FuzzSink(), new ArrayList<>()));
    }
}

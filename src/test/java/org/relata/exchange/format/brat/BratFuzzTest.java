package org.relata.exchange.format.brat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.FuzzSink;
import org.relata.exchange.format.text.TextImporter;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 12, item 2: brat's .ann lines, annotation.conf (and tools.conf, read by the same parser), visual.conf and
 * uploaded zips, on any input, end normally or with the import's own error.
 */
class BratFuzzTest {

    /** The text an .ann input refers to, unless the input brings its own before a line "=====". */
    private static final String TEXT = "North Korea 🇰🇵 and China met.\r\nKim Jong-un led North Korea.";
    private static final String SEPARATOR = "\n=====\n";

    @FuzzTest(maxDuration = "10s")
    void annLines(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        int cut = input.indexOf(SEPARATOR);
        ExDoc doc = new ExDoc();
        doc.id = "fuzz";
        doc.text = cut < 0 ? TEXT : input.substring(0, cut);
        String ann = cut < 0 ? input : input.substring(cut + SEPARATOR.length());
        FuzzSink.onlyImportErrors(() -> BratImporter.parseAnn(doc, ann, "fuzz.ann"));
    }

    @FuzzTest(maxDuration = "10s")
    void annotationConf(byte[] data) {
        String conf = new String(data, StandardCharsets.UTF_8);
        FuzzSink.onlyImportErrors(() -> new BratConf(new FuzzSink()).read(conf, "annotation.conf"));
    }

    @FuzzTest(maxDuration = "10s")
    void visualConf(byte[] data) {
        String conf = new String(data, StandardCharsets.UTF_8);
        FuzzSink.onlyImportErrors(() -> new BratVisual(new FuzzSink()).read(conf));
    }

    /** Any bytes as an uploaded zip, read by the brat importer and by the plain-text importer (a zip of .txt). */
    @FuzzTest(maxDuration = "10s")
    void zipUpload(byte[] data) {
        FuzzSink.onlyImportErrors(() -> new BratImporter(FuzzSink.LIMITS)
                .read(new ByteArrayInputStream(data), "fuzz.zip", new FuzzSink(), new ArrayList<>()));
        FuzzSink.onlyImportErrors(() -> new TextImporter(FuzzSink.LIMITS)
                .read(new ByteArrayInputStream(data), "fuzz.zip", new FuzzSink(), new ArrayList<>()));
    }
}

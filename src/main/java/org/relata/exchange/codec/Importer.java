package org.relata.exchange.codec;

import java.io.InputStream;
import java.util.List;

/** Reads one upload format and hands every document to the sink as soon as it is read. */
public interface Importer {

    /**
     * @param file    the upload's file name when known (shown in errors), else null
     * @param skipped collects names of zip entries that belong to no document
     */
    void read(InputStream body, String file, ImportSink sink, List<String> skipped) throws Exception;
}

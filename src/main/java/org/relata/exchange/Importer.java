package org.relata.exchange;

import java.io.InputStream;
import java.util.List;

/** Reads one upload format and hands every document to the writer as soon as it is read. */
interface Importer {

    /**
     * @param file    the upload's file name when known (shown in errors), else null
     * @param skipped collects names of zip entries that belong to no document
     */
    void read(InputStream body, String file, ImportWriter writer, List<String> skipped) throws Exception;
}

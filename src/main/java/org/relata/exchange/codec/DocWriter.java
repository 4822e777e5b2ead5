package org.relata.exchange.codec;

import java.io.IOException;

/** Writes documents of one export format to one stream (or zip), as they come from the cursor. */
public interface DocWriter {

    void write(ExDoc doc) throws IOException;

    /** Ends the output; flushes but does not close the underlying stream. */
    void finish() throws IOException;

    /** Annotations the format could not hold (overlaps, spans off token boundaries); reported to the user. */
    default long leftOut() {
        return 0;
    }
}

package org.relata.exchange.format.tokens;

import java.io.Flushable;
import java.io.IOException;

import org.relata.exchange.codec.DocWriter;

/** The writer of a token format: it counts what the format cannot hold, and flushes its output at the end. */
abstract class LeftOutCounter implements DocWriter {

    private final Flushable out;
    long leftOut;

    LeftOutCounter(Flushable out) {
        this.out = out;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public long leftOut() {
        return leftOut;
    }
}

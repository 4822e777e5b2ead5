package org.relata.exchange.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body of an export. A failed write here means the client went away (a cancelled download), which
 * is no error of the server's: it is told apart from other failures so that it can end the export quietly.
 */
final class ClientStream extends FilterOutputStream {

    static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super("The client closed the connection", cause);
        }
    }

    ClientStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }
}

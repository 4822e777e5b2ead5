package org.relata.exchange.store;

import java.util.List;

/** What an import stored. {@code skipped} names files of a zip that are not part of any document. */
public record ImportResult(int documents, int spans, int relations, int attributes, int notes, int events,
        int equivalences, List<String> skipped) {
}

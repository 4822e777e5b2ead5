package org.relata.exchange.format.doccano;

import java.util.Set;

/** The keys of a doccano line that mean something to doccano; every other key is the document's metadata. */
final class DoccanoKeys {

    static final Set<String> RESERVED = Set.of("id", "text", "entities", "relations", "label", "meta");

    private DoccanoKeys() {
    }
}

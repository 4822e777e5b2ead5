package org.relata.exchange.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ExDoc;

/** A run of consecutive export documents, filled with their annotations before they are written. */
final class ExportBatch {

    final List<ExDoc> documents = new ArrayList<>();
    /** The documents that have a layer, by layer id. */
    final Map<Long, ExDoc> byLayer = new HashMap<>();

    void add(ExDoc doc, long layerId) {
        documents.add(doc);
        if (layerId != 0) {
            byLayer.put(layerId, doc);
        }
    }

    int size() {
        return documents.size();
    }
}

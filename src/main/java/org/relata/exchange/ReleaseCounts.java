package org.relata.exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.store.Splits;

/**
 * A release's manifest counts, taken from the documents as the export writes them: documents, spans and relations in
 * all, per label, and (with a split) per split. Counting on the way saves reading the written file back.
 */
final class ReleaseCounts {

    private long documents;
    private long spans;
    private long relations;
    // Counted in a HashMap of counters (a million merges into a TreeMap showed in the profile), sorted at the end.
    private final Map<String, long[]> labels = new HashMap<>();
    private final Map<String, Map<String, Long>> perSplit = new LinkedHashMap<>();

    ReleaseCounts(Splits splits) {
        if (splits != null) {
            for (Splits.Part part : splits.parts()) {
                perSplit.put(part.name(), counters());
            }
        }
    }

    /** One document of the export; {@code part} is the split it was written to, null without a split. */
    void add(Splits.Part part, ExDoc doc) {
        documents++;
        spans += doc.spans.size();
        relations += doc.relations.size();
        for (int i = 0; i < doc.spans.size(); i++) {
            label(doc.spans.get(i).label);
        }
        for (int i = 0; i < doc.relations.size(); i++) {
            label(doc.relations.get(i).label);
        }
        if (part != null) {
            Map<String, Long> c = perSplit.get(part.name());
            c.merge("documents", 1L, Long::sum);
            c.merge("spans", (long) doc.spans.size(), Long::sum);
            c.merge("relations", (long) doc.relations.size(), Long::sum);
        }
    }

    private void label(String label) {
        labels.computeIfAbsent(String.valueOf(label), l -> new long[1])[0]++;
    }

    Map<String, Object> manifest() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("documents", documents);
        counts.put("spans", spans);
        counts.put("relations", relations);
        Map<String, Long> sorted = new TreeMap<>();
        labels.forEach((label, n) -> sorted.put(label, n[0]));
        counts.put("labels", sorted);
        if (!perSplit.isEmpty()) {
            counts.put("splits", perSplit);
        }
        return counts;
    }

    private static Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("documents", 0L);
        c.put("spans", 0L);
        c.put("relations", 0L);
        return c;
    }
}

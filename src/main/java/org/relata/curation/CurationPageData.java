package org.relata.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.curation.CurationViews.CurationView;
import org.relata.curation.CurationViews.SpanItem;

/**
 * The merged view in the shape the curation page carries inside it (js/curation/data.js turns it back into the
 * API's). Thousands of spans as objects with every field named made the page 1.3 MB, which the server writes and
 * the browser reads before anything shows; as rows of numbers (each label and each set of proposers named once)
 * the same view is about a sixth of that. Relations (few) keep the API's shape.
 */
final class CurationPageData {

    private CurationPageData() {
    }

    static Map<String, Object> of(CurationView view) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", view.document());
        data.put("externalId", view.externalId());
        data.put("preAcceptShare", view.preAcceptShare());
        data.put("required", view.required());
        data.put("annotators", view.annotators());
        data.put("gold", view.gold());
        data.put("disagreements", view.disagreements());
        data.put("relations", view.relations());
        Names<String> labels = new Names<>();
        Names<List<String>> proposers = new Names<>();
        List<List<Object>> rows = new ArrayList<>(view.spans().size());
        for (SpanItem span : view.spans()) {
            // start, end, label, proposers, 1 in gold + 2 rejected, gold's row id (or null), and the key only when
            // it is not the one a contiguous span has (data.js makes that one).
            List<Object> row = new ArrayList<>(7);
            row.add(span.start());
            row.add(span.end());
            row.add(labels.index(span.label()));
            row.add(proposers.index(span.proposers()));
            row.add((span.inGold() ? 1 : 0) + (span.rejected() ? 2 : 0));
            row.add(span.goldId());
            if (!span.key().equals(CurationKeys.span(span.start(), span.end(), span.label(), null))) {
                row.add(span.key());
            }
            rows.add(row);
        }
        data.put("spanLabels", labels.list);
        data.put("spanProposers", proposers.list);
        data.put("spanRows", rows);
        return data;
    }

    /** Each distinct value once, named by its place in the list. */
    private static final class Names<T> {
        final List<T> list = new ArrayList<>();
        final Map<T, Integer> index = new HashMap<>();

        int index(T value) {
            return index.computeIfAbsent(value, v -> {
                list.add(v);
                return list.size() - 1;
            });
        }
    }
}

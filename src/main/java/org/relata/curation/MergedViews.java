package org.relata.curation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.relata.curation.CurationViews.CurationView;

/**
 * Merged views kept for their state (issue 11, speed). Merging three annotators' 5,000 spans each took most of the
 * ~400 ms a curator waited for the curation page, on every opening, although the layers had mostly not changed. A
 * view is kept under everything it is made of (document, pre-accept share, every layer's id and version, label
 * names, rejections), so a change anywhere makes a new state that is simply not found: nothing is invalidated by
 * hand. One view per document (a newer state replaces an older), and at most {@link #MAX_ITEMS} annotations in
 * all, the least recently used leaving first: a few large documents fit in a small heap.
 */
@ApplicationScoped
public class MergedViews {

    /** About four documents of 5,500 annotations; each kept annotation costs a few hundred bytes. */
    static final int MAX_ITEMS = 25_000;

    /** What a merged view is made of: equal keys, equal views. */
    record Key(long documentId, String externalId, double share, MergedLayers.State state) {
    }

    /**
     * A merged view, whether curation has started with nothing left to pre-accept (then opening it writes nothing),
     * and the page's form of it, written once when first asked for.
     */
    public static final class Kept {
        private final CurationView view;
        private final boolean settled;
        private volatile Object page;

        Kept(CurationView view, boolean settled) {
            this.view = view;
            this.settled = settled;
        }

        public CurationView view() {
            return view;
        }

        boolean settled() {
            return settled;
        }

        /** The view as the page carries it: written by {@code write} the first time, the same answer after. */
        @SuppressWarnings("unchecked")
        public <T> T page(Function<CurationView, T> write) {
            Object written = page;
            if (written == null) {
                page = written = write.apply(view);
            }
            return (T) written;
        }

        int size() {
            return view.spans().size() + view.relations().size();
        }
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private int items;

    synchronized Kept get(Key key) {
        return kept.get(key);
    }

    /** Keeps the view for its key, in place of any older state of the same document. */
    synchronized Kept put(Key key, Kept view) {
        for (Iterator<Map.Entry<Key, Kept>> i = kept.entrySet().iterator(); i.hasNext();) {
            Map.Entry<Key, Kept> entry = i.next();
            if (entry.getKey().documentId() == key.documentId()) {
                items -= entry.getValue().size();
                i.remove();
            }
        }
        kept.put(key, view);
        items += view.size();
        for (Iterator<Kept> i = kept.values().iterator(); items > MAX_ITEMS && i.hasNext();) {
            items -= i.next().size();
            i.remove();
        }
        return view;
    }
}

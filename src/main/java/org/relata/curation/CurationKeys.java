package org.relata.curation;

/**
 * Names an annotation by what it is, so that the same annotation in several annotators' layers (each its own row)
 * has one name: a span by start, end, label and (for a discontinuous span) its pieces; a relation by its label and its arguments' keys, in a fixed order
 * when the relation type is undirected. Rejections are stored under these keys.
 */
final class CurationKeys {

    private CurationKeys() {
    }

    /** {@code fragments}: the pieces as stored (JSON text), null for a contiguous span. */
    static String span(int start, int end, String label, String fragments) {
        String key = "s|" + start + "|" + end + "|" + label;
        return fragments == null ? key : key + "|" + fragments.replace(" ", "");
    }

    static String relation(String head, String tail, String label, boolean directed) {
        if (!directed && head.compareTo(tail) > 0) {
            return "r|" + tail + "|" + head + "|" + label + "|u";
        }
        return "r|" + head + "|" + tail + "|" + label + (directed ? "" : "|u");
    }
}

package org.relata.curation;

/**
 * Names an annotation by what it is, so that the same annotation in several annotators' layers (each its own row)
 * has one name: a span by start, end and label; a relation by its label and its arguments' keys, in a fixed order
 * when the relation type is undirected. Rejections are stored under these keys.
 */
final class CurationKeys {

    private CurationKeys() {
    }

    static String span(int start, int end, String label) {
        return "s|" + start + "|" + end + "|" + label;
    }

    static String relation(String head, String tail, String label, boolean directed) {
        if (!directed && head.compareTo(tail) > 0) {
            return "r|" + tail + "|" + head + "|" + label + "|u";
        }
        return "r|" + head + "|" + tail + "|" + label + (directed ? "" : "|u");
    }
}

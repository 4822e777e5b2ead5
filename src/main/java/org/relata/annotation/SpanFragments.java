package org.relata.annotation;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule for a discontinuous span's fragments, shared by the API and every import: at least two, each non-empty,
 * in text order and not overlapping (touching is allowed: brat writes "0 5;5 9"). Offsets are code points.
 */
public final class SpanFragments {

    private SpanFragments() {
    }

    /** What is wrong with these fragments {start, end}, or null when they are a valid discontinuous span. */
    public static String problem(List<int[]> fragments) {
        for (int i = 0; i < fragments.size(); i++) {
            int[] fragment = fragments.get(i);
            if (fragment.length != 2 || fragment[0] < 0 || fragment[1] <= fragment[0]) {
                return "fragment " + (i + 1) + " must be [start, end] with 0 ≤ start < end.";
            }
            if (i > 0 && fragment[0] < fragments.get(i - 1)[1]) {
                int[] before = fragments.get(i - 1);
                return fragment[0] < before[0]
                        ? "fragments must be in text order; " + fragment[0] + "–" + fragment[1] + " comes before "
                                + before[0] + "–" + before[1] + "."
                        : "fragments overlap: " + before[0] + "–" + before[1] + " and " + fragment[0] + "–" + fragment[1]
                                + " share text.";
            }
        }
        return null;
    }

    /** The fragments as JSON ({@code [[0,5],[10,15]]}), or null for a contiguous span (fewer than two). */
    public static String json(List<int[]> fragments) {
        if (fragments == null || fragments.size() < 2) {
            return null;
        }
        StringBuilder out = new StringBuilder("[");
        for (int[] fragment : fragments) {
            out.append(out.length() > 1 ? "," : "").append('[').append(fragment[0]).append(',').append(fragment[1]).append(']');
        }
        return out.append(']').toString();
    }

    /** Reads {@link #json}'s output (null gives null). */
    public static List<int[]> parse(String json) {
        if (json == null) {
            return null;
        }
        List<int[]> fragments = new ArrayList<>();
        String digits = json.replaceAll("[^0-9,]", " ").replace(",", " ").trim();
        String[] numbers = digits.split("\\s+");
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            fragments.add(new int[] {Integer.parseInt(numbers[i]), Integer.parseInt(numbers[i + 1])});
        }
        return fragments;
    }
}

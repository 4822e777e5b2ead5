package org.relata.schema;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.relata.web.Names;

/**
 * The rules of a label schema, written once: what a name and a colour look like, which colour a new type gets,
 * which (head, tail) pairs a relation type allows and which values an attribute takes. The API, the editor and
 * imports all ask here, so they cannot drift apart.
 */
public final class SchemaRules {

    /** The longest type or attribute name, in code points. */
    public static final int NAME_MAX = 100;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    /** Relation types start further along the palette, so the first relation does not share the first entity's colour. */
    private static final int RELATION_COLOR_OFFSET = 3;

    /** How a value fits an attribute: it fits, it is of the wrong kind, or it is a string the list lacks. */
    public enum AttributeFit {
        FITS,
        WRONG_KIND,
        UNLISTED
    }

    private SchemaRules() {
    }

    /** A type or attribute name: 1 to 100 characters without white space, passing {@link #nameProblem}. */
    public static boolean isName(String name) {
        return name != null && nameProblem(normalize(name), false, NAME_MAX) == null;
    }

    /** The name in Unicode normal form C, as it is stored and compared; null stays null. */
    public static String normalize(String name) {
        return Names.normalize(name);
    }

    /** The form type names are compared in for uniqueness: NFC and case-folded ({@link Names#key}). */
    public static String key(String name) {
        return Names.key(name);
    }

    /** Why this name cannot be used, or null ({@link Names#problem}). */
    public static String nameProblem(String name, boolean spaces, int max) {
        return Names.problem(name, spaces, max);
    }

    /** A colour is written #rrggbb. */
    public static boolean isColor(String color) {
        return color != null && COLOR.matcher(color).matches();
    }

    /** The colour a new entity type at this position gets when none is given. */
    public static String entityColor(int position) {
        return PALETTE[position % PALETTE.length];
    }

    /** The colour a new relation type at this position gets when none is given. */
    public static String relationColor(int position) {
        return PALETTE[(position + RELATION_COLOR_OFFSET) % PALETTE.length];
    }

    /** The first palette colour no type uses yet (entity types from the palette's start, relation types further on). */
    public static String unusedColor(java.util.Collection<String> used, boolean relation) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        used.forEach(c -> taken.add(c.toLowerCase(java.util.Locale.ROOT)));
        int offset = relation ? RELATION_COLOR_OFFSET : 0;
        for (int i = 0; i < PALETTE.length; i++) {
            String color = PALETTE[(offset + i) % PALETTE.length];
            if (!taken.contains(color.toLowerCase(java.util.Locale.ROOT))) {
                return color;
            }
        }
        return PALETTE[(offset + used.size()) % PALETTE.length];
    }

    /**
     * Whether a relation type allows a head of one type and a tail of another. No pairs listed means any pair;
     * an undirected type also allows each listed pair reversed.
     */
    public static <T> boolean allows(boolean directed, boolean listsPairs, BiPredicate<T, T> listed, T head, T tail) {
        return !listsPairs || listed.test(head, tail) || (!directed && listed.test(tail, head));
    }

    /** A yes/no attribute (allowedValues null) takes true or false; a choice takes one of its listed strings. */
    public static AttributeFit fit(List<String> allowedValues, Object value) {
        if (allowedValues == null) {
            return value instanceof Boolean ? AttributeFit.FITS : AttributeFit.WRONG_KIND;
        }
        if (!(value instanceof String text)) {
            return AttributeFit.WRONG_KIND;
        }
        return allowedValues.contains(text) ? AttributeFit.FITS : AttributeFit.UNLISTED;
    }
}

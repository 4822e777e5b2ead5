package org.relata.schema;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on a project's schema and on free text, checked before anything is written, on the API, the pages and
 * the import alike (issue 19, finding 2). Every key is listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "relata.limits")
public interface SchemaLimits {

    /** Most entity types one project may have. */
    @WithDefault("1000")
    int maxEntityTypes();

    /** Most relation types one project may have. */
    @WithDefault("1000")
    int maxRelationTypes();

    /** Most attributes (on spans and relations together) one project may have. */
    @WithDefault("100")
    int maxAttributes();

    /** Longest note on a span or relation, and longest listed attribute value, in characters (code points). */
    @WithDefault("10000")
    int maxTextLength();

    /** The message for a text over {@link #maxTextLength()}. */
    static String tooLong(String what, int max) {
        return what + " has at most " + max + " characters (relata.limits.max-text-length).";
    }

    /** Whether a text (null counts as empty) is within the limit, counted in code points. */
    static boolean fits(String text, int max) {
        return text == null || text.length() <= max || text.codePointCount(0, text.length()) <= max;
    }
}

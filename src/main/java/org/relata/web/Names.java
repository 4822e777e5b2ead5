package org.relata.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for names people give things (label types and attributes, projects, API tokens): how they are
 * normalised, compared and refused (issue 19, finding 7). It lives here, below every feature, so that schema,
 * project and user share it without depending on each other.
 */
public final class Names {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private static final java.util.Set<Character.UnicodeScript> JAPANESE = java.util.EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA);
    private static final java.util.Set<Character.UnicodeScript> CHINESE = java.util.EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO);
    private static final java.util.Set<Character.UnicodeScript> KOREAN = java.util.EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL);

    private Names() {
    }

    /** The name in Unicode normal form C, as it is stored and compared; null stays null. */
    public static String normalize(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /**
     * The form two names are compared in for uniqueness: NFC, case-folded (so {@code COUNTRY} and {@code Country},
     * or a name and its decomposed spelling, are one name).
     */
    public static String key(String name) {
        return name == null ? null
                : normalize(normalize(name).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
    }

    /**
     * Why this name (already NFC) cannot be used, or null when it can: one shared rule for label, project and token
     * names (issue 19, finding 7). A name has 1 to {@code max} code points; no control or format characters
     * (Unicode Cc, Cf: bidi overrides, zero-width space, ...) except the zero-width (non-)joiner that Persian and
     * Indic names need; no white space at all in a label ({@code spaces} false), else only the plain space U+0020
     * (no no-break or ideographic space); and its letters do not mix scripts (Common and Inherited aside; see
     * {@link #oneWriting}), so a Cyrillic Е cannot pass for a Latin E.
     */
    public static String problem(String name, boolean spaces, int max) {
        if (name == null || name.isEmpty()) {
            return "A name is required.";
        }
        int length = name.codePointCount(0, name.length());
        if (length > max) {
            return "A name has at most " + max + " characters.";
        }
        if (spaces && name.strip().length() != name.length()) {
            return "A name does not start or end with a space.";
        }
        java.util.Set<Character.UnicodeScript> scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT && c != ZWJ && c != ZWNJ) {
                return "A name may not contain the invisible formatting character " + codePoint(c)
                        + " (bidi controls and zero-width characters other than the joiners are refused).";
            }
            if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE) {
                return "A name may not contain the character " + codePoint(c) + ".";
            }
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (space && (!spaces || c != ' ')) {
                return spaces ? "The only space a name may contain is the plain space (U+0020), not " + codePoint(c) + "."
                        : "A label name has no spaces (found " + codePoint(c) + ").";
            }
            if (Character.isLetter(c)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED && scripts.add(s)
                        && !oneWriting(scripts)) {
                    return "A name's letters must come from one script; this one mixes " + scriptName(scripts.stream().filter(t -> t != s).findFirst().orElse(s))
                            + " with " + scriptName(s) + " (" + codePoint(c) + ").";
                }
            }
        }
        return null;
    }

    /**
     * Whether these scripts may be mixed in one name: UTS #39's "moderately restrictive" profile. One script; or the
     * combinations of one writing system (Japanese mixes Han, Hiragana and Katakana; Chinese Han and Bopomofo;
     * Korean Han and Hangul; each with Latin); or Latin with one other script, except Cyrillic and Greek, whose
     * letters pass for Latin ones (so "Corpus فارسی" is a name, "PЕR" with a Cyrillic Е is not).
     */
    private static boolean oneWriting(java.util.Set<Character.UnicodeScript> scripts) {
        if (scripts.size() <= 1 || JAPANESE.containsAll(scripts) || CHINESE.containsAll(scripts)
                || KOREAN.containsAll(scripts)) {
            return true;
        }
        return scripts.size() == 2 && scripts.contains(Character.UnicodeScript.LATIN)
                && !scripts.contains(Character.UnicodeScript.CYRILLIC) && !scripts.contains(Character.UnicodeScript.GREEK);
    }

    private static String codePoint(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " " + name);
    }

    private static String scriptName(Character.UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

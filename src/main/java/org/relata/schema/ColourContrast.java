package org.relata.schema;

import java.util.Locale;

/**
 * WCAG contrast of a type's colour: the text colour its labels get (black or white, whichever reads better; the
 * workspace computes the same in schema.js) and whether the colour itself is too faint as a line on the light or
 * dark page, where the workspace then draws it darker or lighter (workspace.css, --ink).
 */
public final class ColourContrast {

    /** The page backgrounds of the light and dark themes (relata.css --panel). */
    static final String LIGHT_PAGE = "#ffffff";
    static final String DARK_PAGE = "#1e222a";
    /** WCAG 2.1, 1.4.11: lines and outlines need 3:1 against what is next to them. */
    static final double LINE_CONTRAST = 3.0;

    private ColourContrast() {
    }

    /** "#000000" or "#ffffff": at least 4.58:1 on any colour, so labels are always readable. */
    public static String textOn(String colour) {
        double l = luminance(colour);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    /** A warning for the schema editor, or null when the colour shows as it is on both themes. */
    public static String warning(String colour) {
        double onLight = ratio(colour, LIGHT_PAGE);
        double onDark = ratio(colour, DARK_PAGE);
        if (onLight < LINE_CONTRAST) {
            return String.format(Locale.ROOT, "Too light for lines on a light page (%.1f:1, 3:1 needed): arcs of this "
                    + "colour are drawn darker there. Labels stay readable (%s text).", onLight, name(textOn(colour)));
        }
        if (onDark < LINE_CONTRAST) {
            return String.format(Locale.ROOT, "Too dark for lines on a dark page (%.1f:1, 3:1 needed): arcs of this "
                    + "colour are drawn lighter in the dark theme. Labels stay readable (%s text).", onDark,
                    name(textOn(colour)));
        }
        return null;
    }

    public static double ratio(String a, String b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    /** WCAG relative luminance of #rrggbb (anything else counts as the workspace's grey, #888888). */
    static double luminance(String colour) {
        String hex = colour != null && colour.matches("#[0-9a-fA-F]{6}") ? colour : "#888888";
        double sum = 0;
        double[] weights = { 0.2126, 0.7152, 0.0722 };
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    private static String name(String text) {
        return "#000000".equals(text) ? "black" : "white";
    }
}

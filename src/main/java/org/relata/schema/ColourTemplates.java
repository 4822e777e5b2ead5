package org.relata.schema;

import io.quarkus.qute.TemplateExtension;

/** {colour:text(c)}, {colour:warning(c)} and {colour:problem(c)} in templates: see {@link ColourContrast}. */
@TemplateExtension(namespace = "colour")
public final class ColourTemplates {

    private ColourTemplates() {
    }

    static String text(String colour) {
        return ColourContrast.textOn(colour);
    }

    static String warning(String colour) {
        return ColourContrast.warning(colour);
    }

    /**
     * The warning's first part, what is wrong ("Too light for lines on a light page (2.0:1, 3:1 needed)."): the
     * schema page explains what follows from it once, not in each of up to 1,000 rows (issue 19, finding 2).
     */
    static String problem(String colour) {
        String warning = ColourContrast.warning(colour);
        return warning == null ? null : warning.substring(0, warning.indexOf(':')) + ".";
    }
}

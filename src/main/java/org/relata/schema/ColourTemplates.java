package org.relata.schema;

import io.quarkus.qute.TemplateExtension;

/** {colour:text(c)} and {colour:warning(c)} in templates: see {@link ColourContrast}. */
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
}

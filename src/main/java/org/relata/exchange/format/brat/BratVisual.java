package org.relata.exchange.format.brat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relata.exchange.codec.ImportSink;

/**
 * brat's visual.conf: [labels] {@code Type | Long name | Short} gives the type's display name (the first, longest
 * label), [drawing] {@code Type bgColor:#7fa2ff} (entities) or {@code color:#3366cc} (arcs) its colour. Only hex
 * colours are taken (brat also knows CSS colour names, which Relata's schema does not store); types the schema does
 * not have are passed over, as brat does.
 */
final class BratVisual {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    private final ImportSink.Labels labels;

    BratVisual(ImportSink.Labels labels) {
        this.labels = labels;
    }

    void read(String content) {
        String section = "";
        for (String raw : content.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            if (section.equals("labels")) {
                String[] names = line.split("\\|");
                if (names.length > 1 && !names[1].isBlank()) {
                    labels.describe(names[0].strip(), names[1].strip(), null);
                }
            } else if (section.equals("drawing")) {
                String[] typeAndStyle = line.split("\\s+", 2);
                String color = typeAndStyle.length > 1 ? color(typeAndStyle[1]) : null;
                if (color != null) {
                    labels.describe(typeAndStyle[0], null, color);
                }
            }
        }
    }

    /** bgColor (a span's fill) first, else color (an arc's); #rgb widened to #rrggbb, lower case. */
    private static String color(String style) {
        String found = null;
        for (String part : style.split(",")) {
            String[] kv = part.strip().split(":", 2);
            if (kv.length == 2 && (kv[0].equals("bgColor") || kv[0].equals("color") && found == null)) {
                Matcher m = HEX.matcher(kv[1].strip());
                if (m.matches()) {
                    found = m.group(1);
                }
            }
        }
        if (found == null) {
            return null;
        }
        if (found.length() == 3) {
            found = "" + found.charAt(0) + found.charAt(0) + found.charAt(1) + found.charAt(1) + found.charAt(2) + found.charAt(2);
        }
        return "#" + found.toLowerCase(Locale.ROOT);
    }
}

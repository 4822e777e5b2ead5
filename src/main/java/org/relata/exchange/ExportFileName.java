package org.relata.exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;

/**
 * The name an export is saved under: the project's name and the day, so that downloads of two projects or two days
 * do not overwrite each other ("North Korea news" on 2026-12-02 gives {@code north-korea-news-2026-12-02.jsonl}).
 */
public final class ExportFileName {

    private ExportFileName() {
    }

    public static String of(String projectName, LocalDate day, boolean splits, String extension) {
        return slug(projectName) + "-" + day + (splits ? "-splits" : "") + "." + extension;
    }

    /**
     * Letters and digits of any script, lower-cased, other runs turned into one hyphen. Browsers take the UTF-8 name
     * from {@code filename*}; {@code filename} carries an ASCII fallback.
     */
    public static String disposition(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]+", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String slug(String projectName) {
        String slug = projectName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "project" : slug;
    }
}

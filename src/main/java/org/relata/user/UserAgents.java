package org.relata.user;

import java.util.Arrays;
import java.util.List;

/**
 * A short, human description of a User-Agent header for the session list ("Firefox on Linux"): enough to tell one's
 * laptop from one's phone, without storing the whole fingerprint-like header.
 */
final class UserAgents {

    private UserAgents() {
    }

    static String summary(String header) {
        if (header == null || header.isBlank()) {
            return "unknown client";
        }
        String browser = first(BROWSERS, header);
        String system = first(SYSTEMS, header);
        if (browser == null) {
            // A script or tool: its first product token ("curl/8.5.0") says what it is.
            String first = header.trim().split("\\s+", 2)[0];
            return first.length() > 60 ? first.substring(0, 60) : first;
        }
        return system == null ? browser : browser + " on " + system;
    }

    /** A name and the marks in the header that give it away. */
    private record Sign(String name, String... marks) {
        boolean in(String header) {
            return Arrays.stream(marks).anyMatch(header::contains);
        }
    }

    /** Order matters: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<Sign> BROWSERS = List.of(new Sign("Edge", "Edg/"), new Sign("Opera", "OPR/"),
            new Sign("Firefox", "Firefox/"), new Sign("Headless Chrome", "HeadlessChrome/"),
            new Sign("Chromium", "Chromium/"), new Sign("Chrome", "Chrome/"), new Sign("Safari", "Safari/"));

    /** Order matters: Android says Linux, iOS says Mac OS X. */
    private static final List<Sign> SYSTEMS = List.of(new Sign("Android", "Android"),
            new Sign("iOS", "iPhone", "iPad"), new Sign("Windows", "Windows"), new Sign("macOS", "Mac OS X", "Macintosh"),
            new Sign("ChromeOS", "CrOS"), new Sign("Linux", "Linux"));

    /** The name of the first sign the header shows, or null. */
    private static String first(List<Sign> signs, String header) {
        return signs.stream().filter(sign -> sign.in(header)).map(Sign::name).findFirst().orElse(null);
    }
}

package org.relata.user;

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
        String browser = browser(header);
        String system = system(header);
        if (browser == null) {
            // A script or tool: its first product token ("curl/8.5.0") says what it is.
            String first = header.trim().split("\\s+", 2)[0];
            return first.length() > 60 ? first.substring(0, 60) : first;
        }
        return system == null ? browser : browser + " on " + system;
    }

    /** Order matters: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static String browser(String ua) {
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("HeadlessChrome/")) {
            return "Headless Chrome";
        }
        if (ua.contains("Chromium/")) {
            return "Chromium";
        }
        if (ua.contains("Chrome/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}

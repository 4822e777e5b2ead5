package org.relata.exchange.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.relata.web.ApiException;

/**
 * {@code train:0.8,dev:0.1,test:0.1}: each document goes to the split its bucket falls in, where the bucket is the
 * first 32 bits of MD5("seed:externalId") — computed by PostgreSQL in the export query, and reproducible anywhere.
 * A document's split depends only on the seed and its own id, so adding documents never moves old ones.
 */
public record Splits(long seed, List<Part> parts) {

    public static final long BUCKETS = 1L << 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** Documents whose bucket b satisfies from ≤ b &lt; to. */
    public record Part(String name, long from, long to) {
    }

    public static Splits parse(String spec, long seed) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String item : spec.split(",")) {
            String[] kv = item.trim().split(":");
            if (kv.length != 2 || !NAME.matcher(kv[0]).matches() || !seen.add(kv[0])) {
                throw ApiException.badField("Write split as name:share,name:share (for example train:0.8,dev:0.1,test:0.1),"
                        + " with distinct names of letters, digits, _ or -.", "split");
            }
            double weight;
            try {
                weight = Double.parseDouble(kv[1]);
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw ApiException.badField("The share of split '" + kv[0] + "' must be a positive number.", "split");
            }
            names.add(kv[0]);
            weights.add(weight);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        List<Part> parts = new ArrayList<>();
        double cumulative = 0;
        long from = 0;
        for (int i = 0; i < names.size(); i++) {
            cumulative += weights.get(i);
            long to = i == names.size() - 1 ? BUCKETS : (long) Math.floor(cumulative / total * BUCKETS);
            parts.add(new Part(names.get(i), from, to));
            from = to;
        }
        return new Splits(seed, parts);
    }

    /**
     * The same bucket as the export query's SQL (in annotation's BulkReader): first four bytes of MD5(seed:id),
     * unsigned big-endian.
     */
    public static long bucket(long seed, String externalId) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((seed + ":" + externalId).getBytes(StandardCharsets.UTF_8));
            return ((md5[0] & 0xffL) << 24) | ((md5[1] & 0xffL) << 16) | ((md5[2] & 0xffL) << 8) | (md5[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

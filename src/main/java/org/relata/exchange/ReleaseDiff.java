package org.relata.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The difference between two releases' native-JSONL snapshots. A document is a line: its id, with "@annotator"
 * when the line is an annotator's (source all or user:). Spans are compared by (start, end, label): the same offsets
 * with another label are relabelled. Relations by the offsets of their head and tail spans and their label, so that
 * renumbered span ids do not count as changes.
 */
public final class ReleaseDiff {

    public record Annotation(String kind, int start, int end, Integer tailStart, Integer tailEnd, String label) {
    }

    public record Relabelled(String kind, int start, int end, Integer tailStart, Integer tailEnd, String from, String to) {
    }

    public record DocumentDiff(String document, List<Annotation> added, List<Annotation> removed, List<Relabelled> relabelled) {
    }

    public record Documents(List<String> added, List<String> removed) {
    }

    public record LabelCounts(long added, long removed, long relabelledFrom, long relabelledTo) {
    }

    public record Diff(String from, String to, Documents documents, List<DocumentDiff> annotations,
            Map<String, LabelCounts> perLabel) {
    }

    private ReleaseDiff() {
    }

    static Diff of(String from, String to, List<JsonNode> a, List<JsonNode> b) {
        Map<String, JsonNode> before = byKey(a);
        Map<String, JsonNode> after = byKey(b);
        List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().toList();
        Map<String, long[]> perLabel = new TreeMap<>();
        List<DocumentDiff> documents = new ArrayList<>();
        for (String key : new TreeSet<>(before.keySet())) {
            JsonNode then = before.get(key);
            JsonNode now = after.get(key);
            if (now == null) {
                continue;
            }
            DocumentDiff diff = diff(key, annotations(then), annotations(now), perLabel);
            if (!diff.added().isEmpty() || !diff.removed().isEmpty() || !diff.relabelled().isEmpty()) {
                documents.add(diff);
            }
        }
        Map<String, LabelCounts> labels = new LinkedHashMap<>();
        perLabel.forEach((label, c) -> labels.put(label, new LabelCounts(c[0], c[1], c[2], c[3])));
        return new Diff(from, to, new Documents(added, removed), documents, labels);
    }

    private static DocumentDiff diff(String key, List<Annotation> then, List<Annotation> now, Map<String, long[]> perLabel) {
        List<Annotation> removed = new ArrayList<>(then);
        List<Annotation> added = new ArrayList<>();
        for (Annotation annotation : now) {
            if (!removed.remove(annotation)) {
                added.add(annotation);
            }
        }
        List<Relabelled> relabelled = new ArrayList<>();
        for (Iterator<Annotation> it = removed.iterator(); it.hasNext();) {
            Annotation old = it.next();
            Annotation moved = added.stream().filter(n -> sameplace(n, old)).findFirst().orElse(null);
            if (moved != null) {
                added.remove(moved);
                it.remove();
                relabelled.add(new Relabelled(old.kind(), old.start(), old.end(), old.tailStart(), old.tailEnd(),
                        old.label(), moved.label()));
                count(perLabel, old.label(), 2);
                count(perLabel, moved.label(), 3);
            }
        }
        added.forEach(n -> count(perLabel, n.label(), 0));
        removed.forEach(n -> count(perLabel, n.label(), 1));
        return new DocumentDiff(key, added, removed, relabelled);
    }

    private static boolean sameplace(Annotation x, Annotation y) {
        return x.kind().equals(y.kind()) && x.start() == y.start() && x.end() == y.end()
                && java.util.Objects.equals(x.tailStart(), y.tailStart()) && java.util.Objects.equals(x.tailEnd(), y.tailEnd());
    }

    private static void count(Map<String, long[]> perLabel, String label, int which) {
        perLabel.computeIfAbsent(label, l -> new long[4])[which]++;
    }

    private static Map<String, JsonNode> byKey(List<JsonNode> lines) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode line : lines) {
            String annotator = line.path("annotator").asText("gold");
            String key = line.path("id").asText()
                    + (annotator.equals("gold") || annotator.equals("suggestions") ? "" : "@" + annotator);
            byKey.put(key, line);
        }
        return byKey;
    }

    private static List<Annotation> annotations(JsonNode line) {
        List<Annotation> annotations = new ArrayList<>();
        Map<String, JsonNode> spans = new HashMap<>();
        for (JsonNode span : line.path("spans")) {
            spans.put(span.path("id").asText(), span);
            annotations.add(new Annotation("span", span.path("start").asInt(), span.path("end").asInt(), null, null,
                    span.path("label").asText()));
        }
        for (JsonNode relation : line.path("relations")) {
            JsonNode head = spans.get(relation.path("head").asText());
            JsonNode tail = spans.get(relation.path("tail").asText());
            if (head == null || tail == null) {
                continue;
            }
            annotations.add(new Annotation("relation", head.path("start").asInt(), head.path("end").asInt(),
                    tail.path("start").asInt(), tail.path("end").asInt(), relation.path("label").asText()));
        }
        return annotations;
    }
}

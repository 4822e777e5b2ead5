package org.relata.exchange.format.brat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.CodePoints;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.ImportSink;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.codec.SafeZip;
import org.relata.exchange.codec.Utf8;

/**
 * brat standoff: a zip of NAME.txt + NAME.ann in any folders (document id: the path without .txt), with an optional
 * annotation.conf (and visual.conf) that add their labels to the schema. Every line kind is read: T (with ';'
 * fragments), R, E, *, A/M (on T, R or E), N, and # of any type; see docs/formats.md for the mapping.
 */
public final class BratImporter implements Importer {

    private static final Pattern OFFSETS = Pattern.compile("(\\d+) (\\d+)");
    private static final Pattern ROLE_ARG = Pattern.compile("([^:\\s]+):(\\S+)");
    static final String ANNOTATOR_NOTES = "AnnotatorNotes";
    private static final Pattern ARG = Pattern.compile("[^:\\s]+:(\\S+)");

    private final ImportLimits limits;

    public BratImporter(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(InputStream body, String file, ImportSink sink, List<String> skipped) throws Exception {
        try (SafeZip zip = SafeZip.spool(body, limits)) {
            Map<String, ZipEntry> texts = new TreeMap<>();
            Map<String, ZipEntry> annotations = new TreeMap<>();
            List<ZipEntry> confs = new ArrayList<>();
            List<ZipEntry> visuals = new ArrayList<>();
            for (ZipEntry entry : zip.entries()) {
                String name = entry.getName();
                if (name.equals("visual.conf") || name.endsWith("/visual.conf")) {
                    visuals.add(entry);
                } else if (name.equals("tools.conf") || name.endsWith("/tools.conf")) {
                    confs.add(entry); // only its [normalization] section is read
                } else if (SafeZip.ignorable(name)) {
                    skipped.add(name);
                } else if (name.endsWith(".txt")) {
                    texts.put(name.substring(0, name.length() - 4), entry);
                } else if (name.endsWith(".ann")) {
                    annotations.put(name.substring(0, name.length() - 4), entry);
                } else if (name.equals("annotation.conf") || name.endsWith("/annotation.conf")) {
                    confs.add(entry);
                } else {
                    skipped.add(name);
                }
            }
            for (String base : annotations.keySet()) {
                if (!texts.containsKey(base)) {
                    throw ImportError.inFile(base + ".ann", null, "'" + base + ".ann' has no text: '" + base + ".txt' is missing.");
                }
            }
            long max = limits.maxDocumentSize();
            for (ZipEntry conf : confs) {
                new BratConf(sink.labels()).read(Utf8.decode(zip.read(conf, max), conf.getName()), conf.getName());
            }
            // After annotation.conf: visual.conf describes the types it defined.
            for (ZipEntry visual : visuals) {
                new BratVisual(sink.labels()).read(Utf8.decode(zip.read(visual, max), visual.getName()));
            }
            for (Map.Entry<String, ZipEntry> text : texts.entrySet()) {
                ExDoc doc = new ExDoc();
                doc.id = text.getKey();
                String txtName = text.getValue().getName();
                doc.where = new ExDoc.Where(txtName, null, null);
                byte[] txt = zip.read(text.getValue(), max);
                doc.text = Utf8.decode(txt, txtName);
                doc.sourceBytes = txt.length;
                ZipEntry ann = annotations.get(text.getKey());
                if (ann != null) {
                    byte[] annBytes = zip.read(ann, max);
                    doc.sourceBytes += annBytes.length;
                    parseAnn(doc, Utf8.decode(annBytes, ann.getName()), ann.getName());
                }
                sink.add(doc);
            }
        }
    }

    /** Reads an .ann file into the document: a pure function of the text and the file (fuzzed in BratFuzzTest). */
    static void parseAnn(ExDoc doc, String content, String file) {
        CodePoints text = new CodePoints(doc.text);
        Map<String, ExDoc.ExAnnotation> byId = new HashMap<>();
        String[] lines = content.split("\n", -1);
        // T, R, E and * first, then what refers to them (A, N, #), which brat allows in any order.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                String id = fields[0];
                if (id.isEmpty()) {
                    // found by BratFuzzTest: a line starting with a tab has no id to tell its kind
                    throw ImportError.at(new ExDoc.Where(file, i + 1, "id"),
                            "An annotation line starts with its id (T1, R1, E1, A1, N1, #1 or *), not a tab.");
                }
                // an error's field is the annotation's id, and what the schema check finds is under it: "T3.label"
                ExDoc.Where where = new ExDoc.Where(file, i + 1, id);
                char kind = id.charAt(0);
                if (pass == 0 && kind == 'T') {
                    ExDoc.ExSpan span = span(fields, where, text);
                    unique(byId, span, file);
                    doc.spans.add(span);
                } else if (pass == 0 && kind == 'R') {
                    ExDoc.ExRelation relation = relation(fields, where);
                    unique(byId, relation, file);
                    doc.relations.add(relation);
                } else if (pass == 0 && kind == 'E') {
                    ExDoc.ExEvent event = event(fields, where);
                    unique(byId, event, file);
                    doc.events.add(event);
                } else if (pass == 0 && kind == '*') {
                    doc.equivalences.add(equivalence(fields, where));
                } else if (pass == 1 && (kind == 'A' || kind == 'M')) {
                    attribute(fields, where, byId);
                } else if (pass == 1 && kind == 'N') {
                    link(fields, where, byId);
                } else if (pass == 1 && kind == '#') {
                    note(fields, where, byId);
                } else if (pass == 0 && "TR*EAMN#".indexOf(kind) < 0) {
                    throw ImportError.at(where, "Unknown annotation line '" + id + "' (" + file + " line " + (i + 1) + ").");
                }
            }
        }
    }

    private static void unique(Map<String, ExDoc.ExAnnotation> byId, ExDoc.ExAnnotation annotation, String file) {
        if (byId.put(annotation.id, annotation) != null) {
            throw ImportError.at(annotation.where, "Annotation id '" + annotation.id + "' is used twice in " + file + ".");
        }
    }

    private static ExDoc.ExSpan span(String[] fields, ExDoc.Where where, CodePoints text) {
        if (fields.length < 2) {
            throw ImportError.at(where, "A T line is: ID<tab>TYPE START END<tab>TEXT.");
        }
        // TYPE START END;START END;... — a discontinuous span lists its fragments separated by ';'.
        String[] typeAndOffsets = fields[1].split(" ", 2);
        String[] pieces = typeAndOffsets.length == 2 ? typeAndOffsets[1].split(";", -1) : new String[0];
        List<int[]> fragments = new ArrayList<>();
        for (String piece : pieces) {
            Matcher m = OFFSETS.matcher(piece);
            if (!m.matches()) {
                throw ImportError.at(where, "A T line is: ID<tab>TYPE START END[;START END...]<tab>TEXT, not '" + fields[1] + "'.");
            }
            try {
                fragments.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            } catch (NumberFormatException e) {
                throw ImportError.at(where, "Offsets too large in '" + fields[1] + "'.");
            }
        }
        if (fragments.isEmpty() || typeAndOffsets[0].isEmpty()) {
            throw ImportError.at(where, "A T line is: ID<tab>TYPE START END[;START END...]<tab>TEXT, not '" + fields[1] + "'.");
        }
        for (int[] fragment : fragments) {
            if (fragment[1] <= fragment[0] || fragment[1] > text.length()) {
                throw ImportError.at(where, "Offsets " + fragment[0] + " " + fragment[1] + " are outside the text (0–"
                        + text.length() + ") or empty.");
            }
        }
        String problem = SpanFragments.problem(fragments);
        if (problem != null) {
            throw ImportError.at(new ExDoc.Where(where.file(), where.line(), "fragments"), fields[0] + ": " + problem);
        }
        ExDoc.ExSpan span = new ExDoc.ExSpan(fragments.get(0)[0], fragments.get(fragments.size() - 1)[1])
                .named(where, fields[0], typeAndOffsets[0]);
        if (fragments.size() > 1) {
            span.fragments = fragments;
        }
        // brat writes line breaks inside a span's text as spaces, and joins the fragments' texts with a space.
        StringBuilder actual = new StringBuilder();
        for (int[] fragment : fragments) {
            actual.append(actual.length() > 0 ? " " : "").append(text.slice(fragment[0], fragment[1]));
        }
        String claimed = fields.length > 2 ? fields[2] : "";
        String expected = actual.toString();
        if (!claimed.equals(expected) && !claimed.equals(expected.replace('\r', ' ').replace('\n', ' '))) {
            throw ImportError.at(where, "The T line's text '" + claimed + "' differs from the document's text '" + expected
                    + "' at " + fields[1].substring(typeAndOffsets[0].length()).strip() + ".");
        }
        return span;
    }

    private static ExDoc.ExEvent event(String[] fields, ExDoc.Where where) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        Matcher trigger = parts.length == 0 ? null : ROLE_ARG.matcher(parts[0]);
        if (trigger == null || !trigger.matches()) {
            throw ImportError.at(where, "An E line is: ID<tab>TYPE:TRIGGER ROLE:ARG ROLE:ARG...");
        }
        ExDoc.ExEvent event = new ExDoc.ExEvent().named(where, fields[0], trigger.group(1));
        event.trigger = trigger.group(2);
        for (int i = 1; i < parts.length; i++) {
            Matcher arg = ROLE_ARG.matcher(parts[i]);
            if (!arg.matches()) {
                throw ImportError.at(where, "An event argument is ROLE:ID, not '" + parts[i] + "'.");
            }
            event.arguments.add(new ExDoc.Argument(arg.group(1), arg.group(2)));
        }
        return event;
    }

    private static ExDoc.ExEquivalence equivalence(String[] fields, ExDoc.Where where) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length < 3) {
            throw ImportError.at(where, "An equivalence line is: *<tab>TYPE T1 T2 [T3...].");
        }
        ExDoc.ExEquivalence equivalence = new ExDoc.ExEquivalence();
        equivalence.type = parts[0];
        equivalence.where = where;
        equivalence.members.addAll(List.of(parts).subList(1, parts.length));
        return equivalence;
    }

    private static ExDoc.ExRelation relation(String[] fields, ExDoc.Where where) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length != 3) {
            throw ImportError.at(where, "An R line is: ID<tab>TYPE Arg1:T1 Arg2:T2.");
        }
        Matcher head = ARG.matcher(parts[1]);
        Matcher tail = ARG.matcher(parts[2]);
        if (!head.matches() || !tail.matches()) {
            throw ImportError.at(where, "An R line is: ID<tab>TYPE Arg1:T1 Arg2:T2.");
        }
        return new ExDoc.ExRelation(head.group(1), tail.group(1)).named(where, fields[0], parts[0]);
    }

    private static void attribute(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExAnnotation> byId) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length < 2 || parts.length > 3) {
            throw ImportError.at(where, "An A line is: ID<tab>NAME TARGET [VALUE].");
        }
        Object value = parts.length == 3 ? parts[2] : Boolean.TRUE;
        ExDoc.ExAnnotation target = byId.get(parts[1]);
        if (target == null) {
            throw ImportError.at(where, "Attribute " + fields[0] + " names '" + parts[1] + "', which is no T, R or E line of this file.");
        }
        target.attributes.put(parts[0], value);
    }

    private static void link(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExAnnotation> byId) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        int colon = parts.length == 3 ? parts[2].indexOf(':') : -1;
        if (colon <= 0) {
            throw ImportError.at(where, "An N line is: ID<tab>Reference T1 RESOURCE:ID<tab>TEXT.");
        }
        if (!(byId.get(parts[1]) instanceof ExDoc.ExSpan span)) {
            throw ImportError.at(where, "Normalization " + fields[0] + " names '" + parts[1] + "', which is no T line of this file.");
        }
        span.links.add(new ExDoc.Link(parts[2].substring(0, colon), parts[2].substring(colon + 1),
                fields.length > 2 && !fields[2].isEmpty() ? fields[2] : null));
    }

    /** {@code #1 TYPE TARGET<tab>TEXT}: AnnotatorNotes become the note, any other type a typed note. */
    private static void note(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExAnnotation> byId) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length != 2) {
            throw ImportError.at(where, "A # line is: ID<tab>TYPE TARGET<tab>NOTE.");
        }
        String text = fields.length > 2 ? fields[2] : "";
        ExDoc.ExAnnotation target = byId.get(parts[1]);
        if (target == null) {
            throw ImportError.at(where, "Note " + fields[0] + " names '" + parts[1] + "', which is no T, R or E line of this file.");
        }
        if (parts[0].equals(ANNOTATOR_NOTES)) {
            target.note = target.note == null ? text : target.note + "\n" + text;
        } else {
            target.notes.add(new ExDoc.Note(parts[0], text));
        }
    }
}

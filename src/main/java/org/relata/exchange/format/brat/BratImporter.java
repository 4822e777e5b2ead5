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
 * annotation.conf that adds its labels to the schema. Supported lines: T (contiguous), R, A/M, N, # AnnotatorNotes.
 * Discontinuous T fragments, * equivalences and E events are refused with the file and line — never dropped.
 */
public final class BratImporter implements Importer {

    private static final Pattern T_LINE = Pattern.compile("(\\S+) (\\d+) (\\d+)");
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
            for (ZipEntry entry : zip.entries()) {
                String name = entry.getName();
                if (SafeZip.ignorable(name)) {
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
            for (Map.Entry<String, ZipEntry> text : texts.entrySet()) {
                ExDoc doc = new ExDoc();
                doc.id = text.getKey();
                String txtName = text.getValue().getName();
                doc.where = new ExDoc.Where(txtName, null, null);
                doc.text = Utf8.decode(zip.read(text.getValue(), max), txtName);
                ZipEntry ann = annotations.get(text.getKey());
                if (ann != null) {
                    parseAnn(doc, Utf8.decode(zip.read(ann, max), ann.getName()), ann.getName());
                }
                sink.add(doc);
            }
        }
    }

    private static void parseAnn(ExDoc doc, String content, String file) {
        CodePoints text = new CodePoints(doc.text);
        Map<String, ExDoc.ExSpan> spans = new HashMap<>();
        Map<String, ExDoc.ExRelation> relations = new HashMap<>();
        String[] lines = content.split("\n", -1);
        // T and R first, then what refers to them (A, N, #), which brat allows in any order.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.isBlank()) {
                    continue;
                }
                ExDoc.Where where = new ExDoc.Where(file, i + 1, null);
                String[] fields = line.split("\t", -1);
                String id = fields[0];
                char kind = id.charAt(0);
                if (pass == 0 && kind == 'T') {
                    ExDoc.ExSpan span = span(fields, where, text);
                    if (spans.put(id, span) != null) {
                        throw ImportError.at(where, "Annotation id '" + id + "' is used twice in " + file + ".");
                    }
                    doc.spans.add(span);
                } else if (pass == 0 && kind == 'R') {
                    ExDoc.ExRelation relation = relation(fields, where);
                    if (relations.put(id, relation) != null) {
                        throw ImportError.at(where, "Annotation id '" + id + "' is used twice in " + file + ".");
                    }
                    doc.relations.add(relation);
                } else if (pass == 0 && kind == '*') {
                    throw ImportError.at(where, "Equivalence lines (*) are not supported; remove them or turn them into"
                            + " relations before importing (" + file + " line " + (i + 1) + ").");
                } else if (pass == 0 && kind == 'E') {
                    throw ImportError.at(where, "Event lines (E) are not supported (" + file + " line " + (i + 1) + ").");
                } else if (pass == 1 && (kind == 'A' || kind == 'M')) {
                    attribute(fields, where, spans, relations);
                } else if (pass == 1 && kind == 'N') {
                    link(fields, where, spans);
                } else if (pass == 1 && kind == '#') {
                    note(fields, where, spans, relations);
                } else if (pass == 0 && "TR*EAMN#".indexOf(kind) < 0) {
                    throw ImportError.at(where, "Unknown annotation line '" + id + "' (" + file + " line " + (i + 1) + ").");
                }
            }
        }
    }

    private static ExDoc.ExSpan span(String[] fields, ExDoc.Where where, CodePoints text) {
        if (fields.length < 2) {
            throw ImportError.at(where, "A T line is: ID<tab>TYPE START END<tab>TEXT.");
        }
        if (fields[1].contains(";")) {
            throw ImportError.at(where, "Discontinuous spans (fragments separated by ';') are not supported; split "
                    + fields[0] + " into one span per fragment before importing.");
        }
        Matcher m = T_LINE.matcher(fields[1]);
        if (!m.matches()) {
            throw ImportError.at(where, "A T line is: ID<tab>TYPE START END<tab>TEXT, not '" + fields[1] + "'.");
        }
        ExDoc.ExSpan span;
        try {
            span = new ExDoc.ExSpan(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).named(where, fields[0], m.group(1));
        } catch (NumberFormatException e) {
            throw ImportError.at(where, "Offsets too large in '" + fields[1] + "'.");
        }
        if (span.end <= span.start || span.end > text.length()) {
            throw ImportError.at(where, "Offsets " + span.start + " " + span.end + " are outside the text (0–"
                    + text.length() + ") or empty.");
        }
        // brat writes line breaks inside a span's text as spaces: compare with that in mind.
        String actual = text.slice(span.start, span.end);
        String claimed = fields.length > 2 ? fields[2] : "";
        if (!claimed.equals(actual) && !claimed.equals(actual.replace('\r', ' ').replace('\n', ' '))) {
            throw ImportError.at(where, "The T line's text '" + claimed + "' differs from the document's text '" + actual
                    + "' at " + span.start + "–" + span.end + ".");
        }
        return span;
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

    private static void attribute(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExSpan> spans,
            Map<String, ExDoc.ExRelation> relations) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length < 2 || parts.length > 3) {
            throw ImportError.at(where, "An A line is: ID<tab>NAME TARGET [VALUE].");
        }
        Object value = parts.length == 3 ? parts[2] : Boolean.TRUE;
        ExDoc.ExSpan span = spans.get(parts[1]);
        if (span != null) {
            span.attributes.put(parts[0], value);
            return;
        }
        ExDoc.ExRelation relation = relations.get(parts[1]);
        if (relation == null) {
            throw ImportError.at(where, "Attribute " + fields[0] + " names '" + parts[1] + "', which is no T or R line of this file.");
        }
        relation.attributes.put(parts[0], value);
    }

    private static void link(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExSpan> spans) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        int colon = parts.length == 3 ? parts[2].indexOf(':') : -1;
        if (colon <= 0) {
            throw ImportError.at(where, "An N line is: ID<tab>Reference T1 RESOURCE:ID<tab>TEXT.");
        }
        ExDoc.ExSpan span = spans.get(parts[1]);
        if (span == null) {
            throw ImportError.at(where, "Normalization " + fields[0] + " names '" + parts[1] + "', which is no T line of this file.");
        }
        span.links.add(new ExDoc.Link(parts[2].substring(0, colon), parts[2].substring(colon + 1),
                fields.length > 2 && !fields[2].isEmpty() ? fields[2] : null));
    }

    private static void note(String[] fields, ExDoc.Where where, Map<String, ExDoc.ExSpan> spans,
            Map<String, ExDoc.ExRelation> relations) {
        String[] parts = fields.length < 2 ? new String[0] : fields[1].trim().split(" +");
        if (parts.length != 2) {
            throw ImportError.at(where, "A # line is: ID<tab>AnnotatorNotes TARGET<tab>NOTE.");
        }
        String text = fields.length > 2 ? fields[2] : "";
        ExDoc.ExSpan span = spans.get(parts[1]);
        if (span != null) {
            span.note = span.note == null ? text : span.note + "\n" + text;
            return;
        }
        ExDoc.ExRelation relation = relations.get(parts[1]);
        if (relation == null) {
            throw ImportError.at(where, "Note " + fields[0] + " names '" + parts[1] + "', which is no T or R line of this file.");
        }
        relation.note = relation.note == null ? text : relation.note + "\n" + text;
    }
}

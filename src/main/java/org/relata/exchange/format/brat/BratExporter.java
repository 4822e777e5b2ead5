package org.relata.exchange.format.brat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.relata.exchange.codec.CodePoints;
import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.codec.ImportSink;
import org.relata.schema.Schema;

/**
 * brat standoff in a zip: annotation.conf at the root, then ID.txt and ID.ann per document (an id with slashes
 * becomes folders). Lines: T (';' fragments), then R, E, *, A (true booleans and valued attributes), N (links) and
 * # notes of every type.
 */
public final class BratExporter implements ExportFormat {

    @Override
    public String extension() {
        return "zip";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public boolean zipped() {
        return true;
    }

    @Override
    public DocWriter open(OutputStream out) {
        throw new UnsupportedOperationException("brat is always a zip");
    }

    @Override
    public void startZip(ZipOutputStream zip, Schema schema) throws IOException {
        startZip(zip, schema, List.of());
    }

    @Override
    public void startZip(ZipOutputStream zip, Schema schema, List<EventTypeSpec> eventTypes) throws IOException {
        zip.putNextEntry(new ZipEntry("annotation.conf"));
        zip.write(annotationConf(schema, eventTypes).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Override
    public DocWriter openZip(ZipOutputStream zip, String folder, Schema schema) {
        return new DocWriter() {
            @Override
            public void write(ExDoc doc) throws IOException {
                String path = folder + safePath(doc.id);
                zip.putNextEntry(new ZipEntry(path + ".txt"));
                zip.write(doc.utf8 != null ? doc.utf8 : doc.text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(path + ".ann"));
                zip.write(ann(doc).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }

            @Override
            public void finish() {
                // the zip is finished by the caller
            }
        };
    }

    static String ann(ExDoc doc) {
        StringBuilder out = new StringBuilder();
        int a = 0;
        int n = 0;
        CodePoints text = null;
        for (ExDoc.ExSpan span : doc.spans) {
            out.append(span.id).append('\t').append(span.label).append(' ');
            if (span.fragments == null) {
                out.append(span.start).append(' ').append(span.end).append('\t').append(oneLine(doc.textOf(span)));
            } else {
                // brat: the fragments separated by ';', their texts joined by a space.
                text = text != null ? text : new CodePoints(doc.text());
                StringBuilder covered = new StringBuilder();
                for (int i = 0; i < span.fragments.size(); i++) {
                    int[] fragment = span.fragments.get(i);
                    out.append(i > 0 ? ";" : "").append(fragment[0]).append(' ').append(fragment[1]);
                    covered.append(i > 0 ? " " : "").append(text.slice(fragment[0], fragment[1]));
                }
                out.append('\t').append(oneLine(covered.toString()));
            }
            out.append('\n');
        }
        for (ExDoc.ExRelation relation : doc.relations) {
            out.append(relation.id).append('\t').append(relation.label).append(" Arg1:").append(relation.head)
                    .append(" Arg2:").append(relation.tail).append('\n');
        }
        for (ExDoc.ExEvent event : doc.events) {
            out.append(event.id).append('\t').append(event.label).append(':').append(event.trigger);
            for (ExDoc.Argument argument : event.arguments) {
                out.append(' ').append(argument.role()).append(':').append(argument.ref());
            }
            out.append('\n');
        }
        for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
            out.append("*\t").append(equivalence.type).append(' ').append(String.join(" ", equivalence.members)).append('\n');
        }
        List<ExDoc.ExAnnotation> all = new ArrayList<>(doc.spans);
        all.addAll(doc.relations);
        all.addAll(doc.events);
        for (ExDoc.ExAnnotation annotation : all) {
            a = attributes(out, a, annotation.id, annotation.attributes);
        }
        for (ExDoc.ExSpan span : doc.spans) {
            for (ExDoc.Link link : span.links) {
                out.append('N').append(++n).append("\tReference ").append(span.id).append(' ').append(link.resource())
                        .append(':').append(link.id()).append('\t').append(link.text() == null ? "" : oneLine(link.text()))
                        .append('\n');
            }
        }
        int note = 0;
        for (ExDoc.ExAnnotation annotation : all) {
            // Several AnnotatorNotes lines were joined with a line break on import: each goes back on its own line.
            if (annotation.note != null) {
                for (String line : annotation.note.split("\n", -1)) {
                    note = note(out, note, BratImporter.ANNOTATOR_NOTES, annotation.id, line);
                }
            }
            for (ExDoc.Note typed : annotation.notes) {
                note = note(out, note, typed.type(), annotation.id, typed.text());
            }
        }
        return out.toString();
    }

    private static int note(StringBuilder out, int number, String type, String target, String text) {
        out.append('#').append(number + 1).append('\t').append(type).append(' ').append(target).append('\t')
                .append(oneLine(text)).append('\n');
        return number + 1;
    }

    private static int attributes(StringBuilder out, int a, String target, Map<String, Object> attributes) {
        for (Map.Entry<String, Object> entry : new TreeMap<>(attributes).entrySet()) {
            Object value = entry.getValue();
            if (Boolean.FALSE.equals(value) || value == null) {
                continue;
            }
            out.append('A').append(++a).append('\t').append(entry.getKey()).append(' ').append(target);
            if (!Boolean.TRUE.equals(value)) {
                out.append(' ').append(value.toString().replace(' ', '_'));
            }
            out.append('\n');
        }
        return a;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    /** brat's role suffix: none (exactly one), ? (0–1), * (any), + (1 or more), {min-max}. */
    static String multiplicity(ImportSink.EventRole role) {
        Integer max = role.max();
        if (role.min() == 1 && max != null && max == 1) {
            return "";
        }
        if (role.min() == 0 && max != null && max == 1) {
            return "?";
        }
        if (max == null) {
            return role.min() == 0 ? "*" : role.min() == 1 ? "+" : "{" + role.min() + "-}";
        }
        return "{" + role.min() + "-" + max + "}";
    }

    /** A document id as a relative path: no empty, "." or ".." segments, no backslashes or drive letters. */
    static String safePath(String id) {
        StringBuilder path = new StringBuilder();
        for (String segment : id.replace('\\', '_').split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                segment = segment.replace('.', '_');
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment.replace(':', '_'));
        }
        return path.length() == 0 ? "_" : path.toString();
    }

    private static String annotationConf(Schema schema, List<EventTypeSpec> eventTypes) {
        StringBuilder conf = new StringBuilder("# Written by Relata\n[entities]\n");
        Set<String> triggers = eventTypes.stream().map(EventTypeSpec::name).collect(Collectors.toSet());
        for (Schema.EntityTypeSpec type : schema.entityTypesOrEmpty()) {
            // An event's trigger spans carry the event type's name: brat declares it under [events] only.
            if (!triggers.contains(type.name())) {
                conf.append(type.name()).append('\n');
            }
        }
        conf.append("\n[relations]\n");
        for (Schema.RelationTypeSpec type : schema.relationTypesOrEmpty()) {
            String symmetric = Boolean.FALSE.equals(type.directed()) ? ", <REL-TYPE>:symmetric" : "";
            if (type.allowedOrEmpty().isEmpty()) {
                conf.append(type.name()).append(" Arg1:<ENTITY>, Arg2:<ENTITY>").append(symmetric).append('\n');
                continue;
            }
            Map<String, List<String>> byHead = type.allowedOrEmpty().stream().collect(Collectors.groupingBy(
                    Schema.Pair::head, LinkedHashMap::new, Collectors.mapping(Schema.Pair::tail, Collectors.toList())));
            for (Map.Entry<String, List<String>> entry : byHead.entrySet()) {
                conf.append(type.name()).append(" Arg1:").append(entry.getKey()).append(", Arg2:")
                        .append(String.join("|", entry.getValue())).append(symmetric).append('\n');
            }
        }
        conf.append("\n[events]\n");
        for (EventTypeSpec type : eventTypes) {
            conf.append(type.name());
            String separator = "\t";
            for (ImportSink.EventRole role : type.roles()) {
                conf.append(separator).append(role.role()).append(multiplicity(role)).append(':')
                        .append(String.join("|", role.types()));
                separator = ", ";
            }
            conf.append('\n');
        }
        conf.append("\n[attributes]\n");
        for (Schema.AttributeSpec attribute : schema.attributesOrEmpty()) {
            conf.append(attribute.name()).append(" Arg:").append("relation".equals(attribute.on()) ? "<RELATION>" : "<ENTITY>");
            if (attribute.values() != null) {
                conf.append(", Value:").append(String.join("|", attribute.values()));
            }
            conf.append('\n');
        }
        return conf.toString();
    }
}

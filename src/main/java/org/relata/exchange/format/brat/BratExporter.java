package org.relata.exchange.format.brat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExportFormat;
import org.relata.schema.Schema;

/**
 * brat standoff in a zip: annotation.conf at the root, then ID.txt and ID.ann per document (an id with slashes
 * becomes folders). Lines: T, then R, A (true booleans and valued attributes), N (links) and # AnnotatorNotes.
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
        zip.putNextEntry(new ZipEntry("annotation.conf"));
        zip.write(annotationConf(schema).getBytes(StandardCharsets.UTF_8));
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
        int note = 0;
        StringBuilder extra = new StringBuilder();
        for (ExDoc.ExSpan span : doc.spans) {
            out.append(span.id).append('\t').append(span.label).append(' ').append(span.start).append(' ').append(span.end)
                    .append('\t').append(oneLine(doc.textOf(span))).append('\n');
        }
        for (ExDoc.ExRelation relation : doc.relations) {
            out.append(relation.id).append('\t').append(relation.label).append(" Arg1:").append(relation.head)
                    .append(" Arg2:").append(relation.tail).append('\n');
        }
        for (ExDoc.ExSpan span : doc.spans) {
            a = attributes(extra, a, span.id, span.attributes);
        }
        for (ExDoc.ExRelation relation : doc.relations) {
            a = attributes(extra, a, relation.id, relation.attributes);
        }
        for (ExDoc.ExSpan span : doc.spans) {
            for (ExDoc.Link link : span.links) {
                extra.append('N').append(++n).append("\tReference ").append(span.id).append(' ').append(link.resource())
                        .append(':').append(link.id()).append('\t').append(link.text() == null ? "" : oneLine(link.text()))
                        .append('\n');
            }
        }
        for (ExDoc.ExSpan span : doc.spans) {
            if (span.note != null) {
                extra.append('#').append(++note).append("\tAnnotatorNotes ").append(span.id).append('\t')
                        .append(oneLine(span.note)).append('\n');
            }
        }
        for (ExDoc.ExRelation relation : doc.relations) {
            if (relation.note != null) {
                extra.append('#').append(++note).append("\tAnnotatorNotes ").append(relation.id).append('\t')
                        .append(oneLine(relation.note)).append('\n');
            }
        }
        return out.append(extra).toString();
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

    private static String annotationConf(Schema schema) {
        StringBuilder conf = new StringBuilder("# Written by Relata\n[entities]\n");
        for (Schema.EntityTypeSpec type : schema.entityTypesOrEmpty()) {
            conf.append(type.name()).append('\n');
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
        conf.append("\n[events]\n\n[attributes]\n");
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

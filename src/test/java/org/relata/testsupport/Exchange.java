package org.relata.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.relata.testsupport.Api;

import io.restassured.response.Response;

/** Import/export calls and fixtures for the exchange tests. */
public final class Exchange {

    /** Texts that catch UTF-16 slips: a flag and an emoji outside the BMP, a combining accent, CJK, CRLF. */
    public static final String TEXT_1 = "North Korea 🇰🇵 and China met.\r\nKim Jong-un led North Korea.";
    public static final String TEXT_2 = "Cafe\u0301 talks: 中国 and 日本 😀 signed.";

    private Exchange() {
    }

    public static Response importFile(String user, long projectId, String query, String contentType, byte[] body) {
        return Api.as(user).contentType(contentType).body(body)
                .post("/api/projects/" + projectId + "/import" + (query.isEmpty() ? "" : "?" + query));
    }

    public static Response importJsonl(String user, long projectId, String query, String body) {
        return importFile(user, projectId, "format=jsonl" + (query.isEmpty() ? "" : "&" + query), "application/x-ndjson",
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response export(String user, long projectId, String query) {
        return Api.as(user).get("/api/projects/" + projectId + "/export" + (query.isEmpty() ? "" : "?" + query));
    }

    /** Code point offset of the first occurrence of {@code part} in {@code text}. */
    public static int cp(String text, String part) {
        int at = text.indexOf(part);
        if (at < 0) {
            throw new IllegalArgumentException(part);
        }
        return text.codePointCount(0, at);
    }

    public static int cpEnd(String text, String part) {
        return cp(text, part) + part.codePointCount(0, part.length());
    }

    public static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Two documents in the native format, with spans, relations, attributes, a note and a link. */
    public static String nativeFixture() {
        return "{\"id\":\"doc-1\",\"text\":" + json(TEXT_1) + ",\"meta\":{\"source\":\"news\",\"year\":2024},\"status\":\"done\","
                + "\"spans\":["
                + span("T1", TEXT_1, "North Korea", "COUNTRY", "{\"Negated\":false}", null,
                        "[{\"resource\":\"Wikidata\",\"id\":\"Q423\",\"text\":\"North Korea\"}]")
                + "," + span("T2", TEXT_1, "China", "COUNTRY", "{}", "\"big one\"", "[]")
                + "," + span("T3", TEXT_1, "Kim Jong-un", "PERSON", "{}", null, "[]")
                + "],\"relations\":["
                + "{\"id\":\"R1\",\"label\":\"ALLY_OF\",\"head\":\"T1\",\"tail\":\"T2\",\"attributes\":{\"Certainty\":\"high\"},\"note\":null},"
                + "{\"id\":\"R2\",\"label\":\"LEADER_OF\",\"head\":\"T3\",\"tail\":\"T1\",\"attributes\":{},\"note\":\"checked\"}]}\n"
                + "{\"id\":\"doc-2\",\"text\":" + json(TEXT_2) + ",\"status\":\"done\",\"spans\":["
                + span("a", TEXT_2, "中国", "COUNTRY", "{}", null, "[]")
                + "," + span("b", TEXT_2, "日本", "COUNTRY", "{}", null, "[]")
                + "," + span("c", TEXT_2, "Cafe\u0301", "ORGANIZATION", "{}", null, "[]")
                + "]}\n";
    }

    public static String span(String id, String text, String part, String label, String attributes, String note, String links) {
        return "{\"id\":\"" + id + "\",\"start\":" + cp(text, part) + ",\"end\":" + cpEnd(text, part) + ",\"label\":\"" + label
                + "\",\"text\":" + json(part) + ",\"attributes\":" + attributes + ",\"note\":" + note + ",\"links\":" + links + "}";
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Map<String, byte[]> files(String... namesAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    public static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

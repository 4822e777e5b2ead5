package org.relata.bench;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.relata.testsupport.Api;
import org.relata.testsupport.Exchange;

/** The workspace benchmark's documents: generated news-like text filled by direct SQL, and the brat corpus. */
final class WorkspaceBenchData {

    private WorkspaceBenchData() {
    }

    /** Paragraphs of news-like sentences, deterministic. */
    static String article(int bytes) {
        Random random = new Random(42);
        String[] names = { "North Korea", "China", "Russia", "Japan", "South Korea", "United States", "Ukraine",
                "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "the United Nations", "the European Union", "Pyongyang",
                "Beijing", "Moscow", "Vladivostok", "the Security Council", "ASEAN" };
        String[] verbs = { "met", "criticised", "signed an agreement with", "sent a delegation to", "warned",
                "imposed sanctions on", "praised", "held talks with", "supplied equipment to", "accused" };
        String[] tails = { "on Monday", "after months of talks", "according to officials", "in a statement",
                "during the summit", "despite objections", "for the first time since 2019", "at the border" };
        StringBuilder sb = new StringBuilder("Benchmark article 😀 with generated news.\n");
        while (sb.length() < bytes) {
            int sentences = 4 + random.nextInt(5);
            for (int i = 0; i < sentences; i++) {
                sb.append(names[random.nextInt(names.length)]).append(' ').append(verbs[random.nextInt(verbs.length)])
                        .append(' ').append(names[random.nextInt(names.length)]).append(' ')
                        .append(tails[random.nextInt(tails.length)]).append(i + 1 < sentences ? ". " : ".\n");
            }
        }
        return sb.toString();
    }

    /** Spans on every other word or so (some nested, stacking), relations between near spans; one layer of {@code user}. */
    static void fill(DataSource dataSource, long project, long doc, String user, String text, int spanCount,
            int relationCount) throws SQLException {
        List<int[]> words = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("[A-Za-z]+").matcher(text);
        while (m.find()) {
            words.add(new int[] { text.codePointCount(0, m.start()), text.codePointCount(0, m.end()) });
        }
        int step = Math.max(1, words.size() / (spanCount * 9 / 10));
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 2 < words.size() && spans.size() < spanCount; i += step) {
            spans.add(new int[] { words.get(i)[0], words.get(i)[1], spans.size() % 3 });
            if (spans.size() % 9 == 0 && spans.size() < spanCount) {
                spans.add(new int[] { words.get(i)[0], words.get(i + 2)[1], 2 });
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long userId = single(c, "select id from users where username = ?", user);
            long[] types = new long[3];
            String[] names = { "COUNTRY", "PERSON", "ORGANIZATION" };
            for (int i = 0; i < 3; i++) {
                types[i] = single(c, "select id from entity_types where project_id = ? and name = ?", project, names[i]);
            }
            long ally = single(c, "select id from relation_types where project_id = ? and name = 'ALLY_OF'", project);
            long leader = single(c, "select id from relation_types where project_id = ? and name = 'LEADER_OF'", project);
            long layer = single(c, """
                    insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status)
                    values (?, ?, 'USER', ?, 'IN_PROGRESS') returning id""", doc, text.codePointCount(0, text.length()), userId);
            long[] spanIds = new long[spans.size()];
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
                    values (?, ?, ?, ?, ?)""", new String[] { "id" })) {
                for (int[] s : spans) {
                    ps.setLong(1, layer);
                    ps.setInt(2, text.codePointCount(0, text.length()));
                    ps.setInt(3, s[0]);
                    ps.setInt(4, s[1]);
                    ps.setLong(5, types[s[2]]);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        spanIds[i] = keys.getLong(1);
                    }
                }
            }
            Random random = new Random(7);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into relations (layer_id, head_span_id, tail_span_id, relation_type_id) values (?, ?, ?, ?)""")) {
                int stride = Math.max(1, spans.size() / relationCount);
                for (int r = 0; r < relationCount; r++) {
                    int head = Math.min(spans.size() - 6, r * stride);
                    int tail = head + 1 + random.nextInt(5);
                    ps.setLong(1, layer);
                    ps.setLong(2, spanIds[head]);
                    ps.setLong(3, spanIds[tail]);
                    ps.setLong(4, r % 2 == 0 ? ally : leader);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static final String[] CORPUS = { "annotation.conf", "ferry.txt", "ferry.ann", "grain.txt", "grain.ann", "harbour.txt",
            "harbour.ann", "quay-reactions.txt", "quay-reactions.ann" };

    /**
     * The project's own brat corpus (src/test/resources/bench/corpus), imported as a zip through the real brat import
     * into {@code user}'s layers of a new project whose schema its annotation.conf makes; answers the project's id.
     */
    static long importCorpus(String user) throws IOException {
        long project = ((Number) Api.as(user).body(Map.of("name", Api.uniqueName("corpus"))).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : CORPUS) {
            try (InputStream in = WorkspaceBenchData.class.getResourceAsStream("/bench/corpus/" + name)) {
                files.put(name, in.readAllBytes());
            }
        }
        Exchange.importFile(user, project, "format=brat&target=user:" + user, "application/zip", Exchange.zip(files))
                .then().statusCode(200);
        return project;
    }
}

package org.relata.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/** The registry is the one list of formats: the user guide's table and the API's summaries say the same. */
class FormatsTest {

    private static final String TABLE_HEADER = "| Format | `format=` | Import | Export |";

    @Test
    void formatsGuideTableListsExactlyTheRegisteredFormats() throws IOException {
        List<String> expected = Formats.all().stream()
                .map(f -> f.name() + " " + yesNo(f.imports()) + " " + yesNo(f.exports())).toList();
        assertEquals(expected, tableRows(Path.of("docs", "formats.md")));
    }

    @Test
    void apiSummariesNameEveryFormat() throws NoSuchMethodException {
        String imports = summary("importFile");
        String exports = summary("export");
        Formats.importable().forEach(f -> assertTrue(imports.contains(f.name()), f.name() + " in: " + imports));
        Formats.exportable().forEach(f -> assertTrue(exports.contains(f.name()), f.name() + " in: " + exports));
    }

    /** The rows of the table under TABLE_HEADER as "name import export", e.g. "text yes no". */
    private static List<String> tableRows(Path guide) throws IOException {
        List<String> lines = Files.readAllLines(guide);
        int header = lines.indexOf(TABLE_HEADER);
        assertTrue(header >= 0, "docs/formats.md has a table starting " + TABLE_HEADER);
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            rows.add(cells[2].strip().replace("`", "") + " " + cells[3].strip() + " " + cells[4].strip());
        }
        return rows;
    }

    private static String summary(String method) throws NoSuchMethodException {
        for (var m : ExchangeResource.class.getMethods()) {
            if (m.getName().equals(method)) {
                return m.getAnnotation(Operation.class).summary();
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}

package org.relata.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * SQL over the annotation tables lives in org.relata.annotation only (BulkReader, BulkWriter, Progress, ...), so a
 * change to those tables is a change to one package. ArchUnit sees classes, not SQL text: this reads the sources.
 */
class AnnotationSqlTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path HOME = SOURCES.resolve(Path.of("org", "relata", "annotation"));
    private static final Pattern SQL_ON_ANNOTATION_TABLES = Pattern.compile(
            "(?i)\\b(from|join|into|update|table)\\s+(annotation_layers|spans|relations)\\b");

    @Test
    void noPackageOutsideAnnotationWritesSqlOnTheAnnotationTables() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(HOME))
                    .filter(AnnotationSqlTest::mentionsAnnotationTables)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsAnnotationTables(Path file) {
        try {
            return SQL_ON_ANNOTATION_TABLES.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

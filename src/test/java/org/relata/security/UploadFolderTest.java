package org.relata.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.importFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.exchange.store.UploadFolder;
import org.relata.testsupport.Api;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17, finding 10: a zip import interrupted by a crash left its spooled file in the system's temp folder for
 * good. Uploads now wait in the application's own folder, which is swept at start (and hourly) of files older than
 * the import timeout; imports that end, well or badly, leave nothing there.
 */
@QuarkusTest
class UploadFolderTest {

    @Inject
    UploadFolder uploads;

    @Test
    void aLeftoverOfACrashedImportIsSweptAndAFreshUploadStays() throws Exception {
        Path leftover = Files.createTempFile(uploads.folder(), "relata-import", ".zip");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path inFlight = Files.createTempFile(uploads.folder(), "relata-import", ".zip");
        try {
            assertTrue(uploads.sweep(Instant.now()) >= 1);
            assertFalse(Files.exists(leftover), "the crashed import's file is gone");
            assertTrue(Files.exists(inFlight), "an upload still being read stays");
        } finally {
            Files.deleteIfExists(inFlight);
        }
    }

    @Test
    void zipImportsLeaveNothingBehindWhetherStoredOrRefused() throws Exception {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        List<Path> before = files();
        byte[] zip = Exchange.zip(Map.of("a.txt", "Seoul and Pyongyang.".getBytes(StandardCharsets.UTF_8)));
        importFile(manager, project, "format=text", "application/zip", zip).then().statusCode(200);
        importFile(manager, project, "format=text", "application/zip", "PK not a zip".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400);
        assertEquals(before, files());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(uploads.folder())) {
            return files.sorted().toList();
        }
    }
}

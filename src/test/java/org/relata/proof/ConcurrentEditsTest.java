package org.relata.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Browser;
import org.relata.testsupport.Db;
import org.relata.testsupport.LayerLoad;
import org.relata.testsupport.LayerLoad.Model;
import org.relata.testsupport.LayerLoad.Outcome;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 4 (the short version; ConcurrentEditsBenchmark runs it for 30 s): 20 clients edit one layer at
 * once for 6 s (longer, up to 2 minutes, until 50 writes were acknowledged when the machine is busy), each sending If-Match with the version it last saw. Afterwards the layer is exactly the
 * replay of the acknowledged writes in version order, the versions they produced follow each other without a gap,
 * every refusal was 409 or 412, and nothing answered 5xx or hung.
 */
@QuarkusTest
class ConcurrentEditsTest {

    static final int CLIENTS = 20;
    static final Duration RUN = Duration.ofSeconds(6);
    static final long SEED = 20261203L;
    /** Writes to see at least, however busy the machine (the run then goes on past RUN, up to two minutes). */
    static final int ENOUGH = 50;

    @Inject
    Db db;

    @Test
    void twentyClientsEditingOneLayerLeaveExactlyTheReplayOfWhatWasAcknowledged() throws Exception {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        String text = "North Korea and China and Russia and Iran met in 😀 Geneva\r\nwith Cuba and Chile.";
        long doc = db.document(project, "busy", text);
        LayerLoad load = new LayerLoad(Browser.baseUrl(), "/api/documents/" + doc + "/layers/gold", manager,
                Api.PASSWORD, text.codePointCount(0, text.length()), false);
        Model start = load.layer();

        Outcome outcome = load.run(CLIENTS, RUN, SEED, ENOUGH, Duration.ofSeconds(120));
        System.out.printf("%d clients, %s: %d writes acknowledged, answers %s%n", CLIENTS, RUN,
                outcome.acknowledged().size(), outcome.statuses());

        assertEquals(List.of(), outcome.problems());
        assertTrue(outcome.statuses().keySet().stream().allMatch(s -> s < 300 || s == 409 || s == 412),
                outcome.statuses().toString());
        // Enough writes met a stale version for the check to mean something.
        assertTrue(outcome.count(412) > 0, outcome.statuses().toString());
        assertTrue(outcome.acknowledged().size() >= ENOUGH, outcome.statuses().toString());
        assertEquals(LongStream.rangeClosed(1, outcome.acknowledged().size()).boxed().toList(),
                List.copyOf(outcome.acknowledged().keySet()));
        assertEquals(Set.of("create-span", "relabel-span", "delete-span", "create-relation", "delete-relation"),
                Set.copyOf(outcome.acknowledged().values().stream().map(LayerLoad.Op::kind).toList()));
        assertEquals(Model.replay(start, outcome.acknowledged()), load.layer());
    }
}

package org.relata.workflow.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One committed change of a layer, as the database announces it on the channel {@value #CHANNEL} (migration V12).
 * {@code bulk}: many layers of the project changed at once (an import); then only the project id is set.
 */
public record LayerChange(long projectId, Long documentId, String kind, String owner, Long userId, long version,
        String status, boolean bulk) {

    public static final String CHANNEL = "relata_layer";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the trigger's payload: p project, d document, k owner kind, o owner name, u user, v version, s status. */
    public static LayerChange parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n.path("bulk").asBoolean(false)) {
                return new LayerChange(n.path("p").asLong(), null, null, null, null, 0, null, true);
            }
            return new LayerChange(n.path("p").asLong(), n.path("d").asLong(), n.path("k").asText(),
                    n.path("o").asText(null), n.hasNonNull("u") ? n.path("u").asLong() : null, n.path("v").asLong(),
                    n.path("s").asText(null), false);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a layer change: " + payload, e);
        }
    }

    /** What a page receives: the layer by the name the API uses, its new version (-1: deleted) and status. */
    public Event event() {
        return new Event(documentId, owner, version, status, bulk);
    }

    public record Event(Long document, String owner, long version, String status, boolean bulk) {
    }
}

package org.relata.document;

import java.util.List;
import java.util.Map;

/** The layers of documents and their status, answered by the annotation feature, which owns the layers. */
public interface LayerStatuses {

    /** owner: "gold", "suggestions" or a username. */
    record LayerSummary(String owner, String status) {
    }

    /**
     * The layers of these documents, by document id, in owner order. Without seesAll a user learns only about
     * their own layer and the suggestions, and with seesAnnotators (a project that is not blind) also about the
     * other annotators' layers.
     */
    Map<Long, List<LayerSummary>> of(List<Long> documentIds, boolean seesAll, boolean seesAnnotators, long userId);
}

package org.relata.workflow;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of POST /api/projects/{id}/assignments. documents: a list of document ids, "all" or "unassigned".
 * Without perDocument every listed annotator gets every document; with it, each document goes to that many of them,
 * balanced by load and reproducible with seed.
 */
public record AssignmentRequest(JsonNode documents, List<String> annotators, Integer perDocument, Long seed) {

    public record Created(int created) {
    }

    /** One row of GET /api/projects/{id}/assignments; status is the annotator's layer status (NEW without one). */
    public record AssignmentView(long document, String externalId, String annotator, String status) {
    }
}

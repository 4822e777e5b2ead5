package org.relata.exchange.archive;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.relata.annotation.LayerOwner;

/**
 * One line of documents.jsonl, checked and resolved to the new project's ids, ready for COPY. length is the text's
 * length in code points; createdAt is null when the line does not say.
 */
record ArchiveDocument(String externalId, String text, int length, String meta, OffsetDateTime createdAt,
        List<Long> assignedTo, List<Rejection> curationRejections, List<Layer> layers) {

    ArchiveDocument(String externalId, String text, String meta, OffsetDateTime createdAt) {
        this(externalId, text, text.codePointCount(0, text.length()), meta, createdAt, new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
    }

    record Rejection(String key, Long userId, OffsetDateTime at) {
    }

    static final class Layer {
        LayerOwner owner;
        Long userId;
        String status;
        long version;
        OffsetDateTime updatedAt;
        final List<Span> spans = new ArrayList<>();
        final List<Relation> relations = new ArrayList<>();
        final List<Equivalence> equivalences = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
    }

    static final class Span {
        int start;
        int end;
        long typeId;
        String attributes;
        String note;
        String links;
        String fragments;
        String notes;
        Double score;
        final List<Long> rejectedBy = new ArrayList<>();
        long dbId;
    }

    /** head and tail are indexes into the layer's spans. */
    record Relation(int head, int tail, long typeId, String attributes, String note, String notes, Double score) {
    }

    record Equivalence(String type, List<Integer> members) {
    }

    static final class Event {
        int trigger;
        long typeId;
        String attributes;
        String note;
        String notes;
        /** role, then a span index or, for an event, -1 - its index. */
        final List<Object[]> arguments = new ArrayList<>();
        long dbId;
    }
}

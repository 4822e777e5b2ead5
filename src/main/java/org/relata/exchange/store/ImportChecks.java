package org.relata.exchange.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.CodePoints;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExDoc.ExRelation;
import org.relata.exchange.codec.ExDoc.ExSpan;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.NulCharacters;
import org.relata.schema.RelationRules;
import org.relata.schema.SchemaLimits;

/**
 * Checks one imported document before it is queued for writing: ids, offsets, labels (resolved to type ids through
 * the catalog), relations, equivalences and events, each refusal naming where in the file it is.
 */
final class ImportChecks {

    private final LabelCatalog labels;
    private final boolean createLabels;
    private final int maxTextLength;
    /** The ids of the batch not yet written; ids of written batches are found in the database (refuseExisting). */
    private final Set<String> batchIds = new HashSet<>();

    ImportChecks(LabelCatalog labels, boolean createLabels, int maxTextLength) {
        this.labels = labels;
        this.createLabels = createLabels;
        this.maxTextLength = maxTextLength;
    }

    /** The batch was written: its ids are in the database from now on. */
    void batchWritten() {
        batchIds.clear();
    }

    void validate(ExDoc doc) throws SQLException {
        ExDoc.Where where = doc.where;
        if (doc.id == null || doc.id.isEmpty()) {
            throw ImportError.at(where, ".id", "Every document needs an id (a non-empty string).");
        }
        NulCharacters.check(doc);
        if (doc.id.codePointCount(0, doc.id.length()) > 500) {
            throw ImportError.at(where, ".id", "A document id has at most 500 characters.");
        }
        if (!batchIds.add(doc.id)) {
            throw ImportError.at(where, ".id", "Document id '" + doc.id + "' appears twice in this import.");
        }
        if (doc.text == null) {
            throw ImportError.at(where, ".text", "Document '" + doc.id + "' has no text.");
        }
        if (doc.text.indexOf('\u0000') >= 0) {
            throw ImportError.at(where, ".text", "Document '" + doc.id + "' contains a NUL character, which a text cannot hold.");
        }
        if (doc.status != null) {
            String status = doc.status.toUpperCase(Locale.ROOT);
            if (!status.equals("NEW") && !status.equals("IN_PROGRESS") && !status.equals("DONE")) {
                throw ImportError.at(where, ".status", "status is new, in_progress or done, not '" + doc.status + "'.");
            }
            doc.status = status;
        }
        CodePoints text = new CodePoints(doc.text);
        Map<String, ExSpan> byId = new HashMap<>();
        for (ExSpan span : doc.spans) {
            ExDoc.Where at = span.where;
            if (span.id != null && byId.put(span.id, span) != null) {
                throw ImportError.at(at, ".id", "Span id '" + span.id + "' is used twice in document '" + doc.id + "'.");
            }
            if (span.start < 0 || span.start > text.length()) {
                throw ImportError.at(at, ".start", "Span start " + span.start + " is outside the text (0–" + text.length() + ").");
            }
            if (span.end <= span.start || span.end > text.length()) {
                throw ImportError.at(at, ".end", "Span end " + span.end + " must be after start " + span.start
                        + " and at most the text's length " + text.length() + ".");
            }
            if (span.text != null && !span.text.equals(text.slice(span.start, span.end))) {
                throw ImportError.at(at, ".text", "The span's text '" + span.text + "' differs from the document's text '"
                        + text.slice(span.start, span.end) + "' at " + span.start + "–" + span.end + ".");
            }
            if (span.label == null) {
                throw ImportError.at(at, ".label", "Every span needs a label.");
            }
            checkFragments(span, text.length());
            checkNotes(span);
            span.typeId = labels.entityType(span.label, createLabels, at == null ? null : at.field(".label"));
            labels.checkAttributes("span", span.attributes, createLabels, at == null ? null : at.field(".attributes"));
        }
        Set<String> relationIds = new HashSet<>();
        Set<List<Object>> relationKeys = new HashSet<>();
        for (ExRelation relation : doc.relations) {
            ExDoc.Where at = relation.where;
            if (relation.id != null && !relationIds.add(relation.id)) {
                throw ImportError.at(at, ".id", "Relation id '" + relation.id + "' is used twice in document '" + doc.id + "'.");
            }
            ExSpan head = byId.get(relation.head);
            if (head == null) {
                throw ImportError.at(at, ".head", "The relation's head '" + relation.head + "' is no span of document '" + doc.id + "'.");
            }
            ExSpan tail = byId.get(relation.tail);
            if (tail == null) {
                throw ImportError.at(at, ".tail", "The relation's tail '" + relation.tail + "' is no span of document '" + doc.id + "'.");
            }
            if (relation.label == null) {
                throw ImportError.at(at, ".label", "Every relation needs a label.");
            }
            checkNotes(relation);
            LabelCatalog.RelType type = labels.relationType(relation.label, createLabels, at == null ? null : at.field(".label"));
            labels.checkPair(type, head.typeId, tail.typeId, at);
            // The API's rule (RelationRules): different spans, no duplicate; checkPair above checked the pair.
            RelationRules.Problem problem = RelationRules.problem(relation.head, relation.tail, true,
                    () -> !relationKeys.add(RelationRules.key(type.id, relation.head, relation.tail, type.directed)));
            if (problem == RelationRules.Problem.SAME_SPAN) {
                throw ImportError.at(at, ".tail", problem.message);
            }
            if (problem == RelationRules.Problem.DUPLICATE) {
                throw ImportError.at(at, "Relation '" + relation.label + "' from '" + relation.head + "' to '"
                        + relation.tail + "' appears twice in document '" + doc.id + "'. " + problem.message);
            }
            relation.typeId = type.id;
            labels.checkAttributes("relation", relation.attributes, createLabels, at == null ? null : at.field(".attributes"));
        }
        validateEquivalences(doc, byId);
        validateEvents(doc, byId);
    }

    /** A discontinuous span: fragments in order, not overlapping, inside the text, start/end their outer bounds. */
    private static void checkFragments(ExSpan span, int length) {
        if (span.fragments == null) {
            return;
        }
        ExDoc.Where at = span.where == null ? null : span.where.field(".fragments");
        if (span.fragments.size() < 2) {
            span.fragments = null;
            return;
        }
        String problem = SpanFragments.problem(span.fragments);
        if (problem != null) {
            throw ImportError.at(at, "Span " + (span.id == null ? "" : "'" + span.id + "' ") + problem);
        }
        int[] last = span.fragments.get(span.fragments.size() - 1);
        if (span.fragments.get(0)[0] != span.start || last[1] != span.end || last[1] > length) {
            throw ImportError.at(at, "A span's start and end are the outer bounds of its fragments (" + span.fragments.get(0)[0]
                    + "–" + last[1] + "), inside the text (0–" + length + ").");
        }
    }

    private void checkNotes(ExDoc.ExAnnotation annotation) {
        ExDoc.Where at = annotation.where;
        if (!SchemaLimits.fits(annotation.note, maxTextLength)) {
            throw ImportError.at(at, ".note", SchemaLimits.tooLong("A note", maxTextLength));
        }
        for (int i = 0; i < annotation.notes.size(); i++) {
            ExDoc.Note note = annotation.notes.get(i);
            if (note.type() == null || !note.type().matches("[^\\s]{1,100}")) {
                throw ImportError.at(at, ".notes[" + i + "].type", "A note's type is 1 to 100 characters without spaces.");
            }
            if (note.text() == null || !SchemaLimits.fits(note.text(), maxTextLength)) {
                throw ImportError.at(at, ".notes[" + i + "].text", SchemaLimits.tooLong("A note", maxTextLength));
            }
        }
    }

    private static void validateEquivalences(ExDoc doc, Map<String, ExSpan> spans) {
        for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
            ExDoc.Where at = equivalence.where;
            if (equivalence.type == null || !equivalence.type.matches("[^\\s]{1,100}")) {
                throw ImportError.at(at, ".type", "An equivalence's type is 1 to 100 characters without spaces.");
            }
            if (equivalence.members.size() < 2 || new HashSet<>(equivalence.members).size() != equivalence.members.size()) {
                throw ImportError.at(at, ".members", "An equivalence groups at least two different spans.");
            }
            for (String member : equivalence.members) {
                if (!spans.containsKey(member)) {
                    throw ImportError.at(at, ".members", "The equivalence's member '" + member + "' is no span of document '"
                            + doc.id + "'.");
                }
            }
        }
    }

    private void validateEvents(ExDoc doc, Map<String, ExSpan> spans) throws SQLException {
        Map<String, ExDoc.ExEvent> events = new HashMap<>();
        for (ExDoc.ExEvent event : doc.events) {
            if (event.id == null || spans.containsKey(event.id) || events.put(event.id, event) != null) {
                throw ImportError.at(event.where, ".id", "Every event needs an id of its own in document '" + doc.id + "'.");
            }
        }
        for (ExDoc.ExEvent event : doc.events) {
            ExDoc.Where at = event.where;
            if (event.label == null) {
                throw ImportError.at(at, ".label", "Every event needs a type (label).");
            }
            if (!spans.containsKey(event.trigger)) {
                throw ImportError.at(at, ".trigger", "The event's trigger '" + event.trigger + "' is no span of document '"
                        + doc.id + "'.");
            }
            checkNotes(event);
            ImportEventTypes.EventType type = labels.eventType(event.label, createLabels, at == null ? null : at.field(".label"));
            event.typeId = type.id();
            for (int i = 0; i < event.arguments.size(); i++) {
                ExDoc.Argument argument = event.arguments.get(i);
                ExDoc.Where argAt = at == null ? null : at.field(".arguments[" + i + "]");
                ExSpan span = spans.get(argument.ref());
                ExDoc.ExEvent other = events.get(argument.ref());
                if (span == null && other == null || argument.ref().equals(event.id)) {
                    throw ImportError.at(argAt, "Argument " + argument.role() + ":" + argument.ref() + " of event '" + event.id
                            + "' names no span or other event of document '" + doc.id + "'.");
                }
                if (argument.role() == null || !argument.role().matches("[^\\s:]{1,100}")) {
                    throw ImportError.at(argAt, "An event role is 1 to 100 characters without spaces or ':'.");
                }
                String problem = EventRules.problem(type.roles(), argument.role(), span != null ? span.label : other.label,
                        span == null);
                if (problem != null && !createLabels) {
                    throw ImportError.at(argAt, "Event '" + event.id + "' (" + event.label + "): " + problem);
                }
            }
            labels.checkAttributes("span", event.attributes, createLabels, at == null ? null : at.field(".attributes"));
        }
    }
}

package org.relata.exchange.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.relata.annotation.BulkWriter;
import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.CodePoints;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExDoc.ExRelation;
import org.relata.exchange.codec.ExDoc.ExSpan;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.NulCharacters;
import org.relata.schema.RelationRules;
import org.relata.schema.SchemaLimits;
import org.relata.exchange.codec.ImportSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validates the documents every importer produces and stores them in batches through the annotation package's
 * BulkWriter (COPY), inside the caller's transaction, so an error anywhere stores nothing.
 */
final class ImportWriter implements ImportSink {

    private static final int BATCH_DOCUMENTS = 500;
    /**
     * A batch is written once the documents it holds weigh this much (see {@link #weight}): what an import keeps in
     * memory is then bounded by bytes, whatever the number and size of the documents (issue 17, finding 9: 300
     * documents of 1 MiB of meta each were held at once, 634 MB of heap).
     */
    private static final long BATCH_BYTES = 8L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BulkWriter bulk;
    private final long projectId;
    private final LabelCatalog labels;
    private final ImportTarget target;
    private final boolean createLabels;
    /** The ids of the batch not yet written; ids of written batches are found in the database (refuseExisting). */
    private final Set<String> batchIds = new HashSet<>();
    private final List<ExDoc> batch = new ArrayList<>();
    private long batchBytes;

    int documents;
    int spans;
    int relations;
    int attributes;
    int notes;
    int events;
    int equivalences;
    private final int maxTextLength;
    private final List<ImportResult.StoredDocument> firstDocuments = new ArrayList<>();

    ImportWriter(Connection connection, long projectId, LabelCatalog labels, ImportTarget target, boolean createLabels,
            int maxTextLength) throws SQLException {
        this.maxTextLength = maxTextLength;
        this.bulk = new BulkWriter(connection);
        this.projectId = projectId;
        this.labels = labels;
        this.target = target;
        this.createLabels = createLabels;
    }

    @Override
    public ImportSink.Labels labels() {
        return new CatalogLabels(labels);
    }

    @Override
    public void add(ExDoc doc) {
        try {
            validate(doc);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        batch.add(doc);
        batchBytes += weight(doc);
        if (batch.size() >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    /**
     * Roughly the bytes a document holds until its batch is written: what it was read from (a JSON line becomes about
     * as many bytes of strings and maps), at least its text as UTF-16, and an object's overhead per annotation.
     */
    static long weight(ExDoc doc) {
        long annotations = doc.spans.size() + doc.relations.size() + doc.events.size() + doc.equivalences.size();
        return Math.max(doc.sourceBytes, 2L * doc.text.length()) + 200L * annotations;
    }

    ImportResult finish(List<String> skipped) {
        flush();
        return new ImportResult(documents, spans, relations, attributes, notes, events, equivalences, skipped, labels.used(),
                List.copyOf(firstDocuments), false);
    }

    private void validate(ExDoc doc) throws SQLException {
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
            LabelCatalog.EventType type = labels.eventType(event.label, createLabels, at == null ? null : at.field(".label"));
            event.typeId = type.id;
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
                String problem = EventRules.problem(type.roles, argument.role(), span != null ? span.label : other.label,
                        span == null);
                if (problem != null && !createLabels) {
                    throw ImportError.at(argAt, "Event '" + event.id + "' (" + event.label + "): " + problem);
                }
            }
            labels.checkAttributes("span", event.attributes, createLabels, at == null ? null : at.field(".attributes"));
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            refuseExisting();
            int layerCount = 0;
            int spanCount = 0;
            int relationCount = 0;
            for (ExDoc doc : batch) {
                if (doc.hasLayer()) {
                    layerCount++;
                    spanCount += doc.spans.size();
                    relationCount += doc.relations.size();
                }
            }
            long[] docIds = bulk.documentIds(batch.size());
            long[] layerIds = bulk.layerIds(layerCount);
            long[] spanIds = bulk.spanIds(spanCount);
            long[] relationIds = bulk.relationIds(relationCount);
            int[] lengths = new int[batch.size()];
            try (BulkWriter.Rows out = bulk.documents()) {
                for (int i = 0; i < batch.size(); i++) {
                    ExDoc doc = batch.get(i);
                    lengths[i] = doc.text.codePointCount(0, doc.text.length());
                    out.row(docIds[i], projectId, doc.id, doc.text, json(doc.meta), lengths[i]);
                    if (firstDocuments.size() < ImportResult.FIRST_DOCUMENTS) {
                        firstDocuments.add(new ImportResult.StoredDocument(docIds[i], doc.id));
                    }
                }
            }
            if (layerCount > 0) {
                try (BulkWriter.Rows out = bulk.layers()) {
                    int l = 0;
                    for (int i = 0; i < batch.size(); i++) {
                        ExDoc doc = batch.get(i);
                        if (doc.hasLayer()) {
                            out.row(layerIds[l++], docIds[i], lengths[i], target.ownerKind().name(), target.userId(),
                                    doc.status == null ? target.defaultStatus() : doc.status);
                        }
                    }
                }
            }
            if (spanCount > 0) {
                try (BulkWriter.Rows out = bulk.spans()) {
                    int l = 0;
                    int s = 0;
                    for (int i = 0; i < batch.size(); i++) {
                        ExDoc doc = batch.get(i);
                        if (!doc.hasLayer()) {
                            continue;
                        }
                        for (ExSpan span : doc.spans) {
                            span.dbId = spanIds[s++];
                            out.row(span.dbId, layerIds[l], lengths[i], span.start, span.end, span.typeId,
                                    json(span.attributes), span.note, json(span.links), SpanFragments.json(span.fragments),
                                    json(span.notes), span.score);
                            count(span);
                        }
                        l++;
                    }
                }
            }
            if (relationCount > 0) {
                try (BulkWriter.Rows out = bulk.relations()) {
                    int l = 0;
                    int r = 0;
                    for (ExDoc doc : batch) {
                        if (!doc.hasLayer()) {
                            continue;
                        }
                        Map<String, ExSpan> byId = new HashMap<>();
                        doc.spans.forEach(span -> byId.put(span.id, span));
                        for (ExRelation relation : doc.relations) {
                            out.row(relationIds[r++], layerIds[l], byId.get(relation.head).dbId, byId.get(relation.tail).dbId,
                                    relation.typeId, json(relation.attributes), relation.note, json(relation.notes),
                                    relation.score);
                            count(relation);
                        }
                        l++;
                    }
                }
            }
            writeEquivalences(layerIds);
            writeEvents(layerIds);
            documents += batch.size();
            spans += spanCount;
            relations += relationCount;
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
        batchIds.clear();
        batchBytes = 0;
    }

    private void count(ExDoc.ExAnnotation annotation) {
        attributes += annotation.attributes.size();
        notes += annotation.notes.size() + (annotation.note != null ? 1 : 0);
    }

    private void writeEquivalences(long[] layerIds) throws SQLException, IOException {
        int count = 0;
        for (ExDoc doc : batch) {
            count += doc.equivalences.size();
        }
        if (count == 0) {
            return;
        }
        long[] ids = bulk.equivalenceIds(count);
        try (BulkWriter.Rows out = bulk.equivalences()) {
            int l = 0;
            int e = 0;
            for (ExDoc doc : batch) {
                if (doc.hasLayer()) {
                    for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
                        out.row(ids[e++], layerIds[l], equivalence.type);
                    }
                    l++;
                }
            }
        }
        try (BulkWriter.Rows out = bulk.equivalenceMembers()) {
            int l = 0;
            int e = 0;
            for (ExDoc doc : batch) {
                if (!doc.hasLayer()) {
                    continue;
                }
                Map<String, ExSpan> byId = spansById(doc);
                for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
                    for (int p = 0; p < equivalence.members.size(); p++) {
                        out.row(ids[e], p, byId.get(equivalence.members.get(p)).dbId, layerIds[l]);
                    }
                    e++;
                }
                l++;
            }
        }
        equivalences += count;
    }

    private void writeEvents(long[] layerIds) throws SQLException, IOException {
        int count = 0;
        for (ExDoc doc : batch) {
            count += doc.events.size();
        }
        if (count == 0) {
            return;
        }
        long[] ids = bulk.eventIds(count);
        int e = 0;
        for (ExDoc doc : batch) {
            for (ExDoc.ExEvent event : doc.events) {
                event.dbId = ids[e++];
            }
        }
        try (BulkWriter.Rows out = bulk.events()) {
            int l = 0;
            for (ExDoc doc : batch) {
                if (!doc.hasLayer()) {
                    continue;
                }
                Map<String, ExSpan> byId = spansById(doc);
                for (ExDoc.ExEvent event : doc.events) {
                    out.row(event.dbId, layerIds[l], byId.get(event.trigger).dbId, event.typeId, json(event.attributes),
                            event.note, json(event.notes));
                    count(event);
                }
                l++;
            }
        }
        // Arguments after all events: an argument may name an event written later in the same document.
        try (BulkWriter.Rows out = bulk.eventArguments()) {
            int l = 0;
            for (ExDoc doc : batch) {
                if (!doc.hasLayer()) {
                    continue;
                }
                Map<String, ExSpan> byId = spansById(doc);
                Map<String, ExDoc.ExEvent> eventsById = new HashMap<>();
                doc.events.forEach(event -> eventsById.put(event.id, event));
                for (ExDoc.ExEvent event : doc.events) {
                    for (int p = 0; p < event.arguments.size(); p++) {
                        ExDoc.Argument argument = event.arguments.get(p);
                        ExSpan span = byId.get(argument.ref());
                        out.row(event.dbId, layerIds[l], p, argument.role(), span == null ? null : span.dbId,
                                span == null ? eventsById.get(argument.ref()).dbId : null);
                    }
                }
                l++;
            }
        }
        events += count;
    }

    private static Map<String, ExSpan> spansById(ExDoc doc) {
        Map<String, ExSpan> byId = new HashMap<>();
        doc.spans.forEach(span -> byId.put(span.id, span));
        return byId;
    }

    /** Documents already in the project are refused (409): an import adds documents, it never overwrites them. */
    private void refuseExisting() throws SQLException {
        BulkWriter.ExistingDocument existing = bulk.firstExistingDocument(projectId,
                batch.stream().map(d -> d.id).toArray(String[]::new));
        if (existing != null) {
            String id = existing.externalId();
            ExDoc doc = batch.stream().filter(d -> d.id.equals(id)).findFirst().orElseThrow();
            if (existing.storedByThisTransaction()) {
                throw ImportError.at(doc.where, ".id", "Document id '" + id + "' appears twice in this import.");
            }
            throw ImportError.status(409, doc.where == null ? null : doc.where.field(".id"), existing.trashed()
                    ? "Document '" + id + "' is in the project's trash; restore it, or purge it from the trash to"
                            + " import it anew."
                    : "Document '" + id + "' is already in the project; an import only adds new documents.");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

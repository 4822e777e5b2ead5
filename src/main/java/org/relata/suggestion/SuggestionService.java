package org.relata.suggestion;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.annotation.SuggestionRows;
import org.relata.audit.AuditLog;
import org.relata.document.DocumentAccess;
import org.relata.suggestion.SuggestionResource.SuggestionView;
import org.relata.suggestion.SuggestionResource.Suggestions;
import org.relata.web.ApiException;

/** A document's suggestions for one annotator, and their rejections (stored by annotation's SuggestionRows). */
@ApplicationScoped
public class SuggestionService {

    @Inject
    SuggestionRows rows;

    @Inject
    AuditLog audit;

    public Suggestions of(long documentId, long userId, Double minScore) {
        List<SuggestionView> spans = rows.visibleTo(documentId, userId, minScore).stream()
                .map(s -> new SuggestionView(s.id(), s.start(), s.end(), s.label(), s.score())).toList();
        return new Suggestions(spans, rows.rejectedBy(documentId, userId));
    }

    /** Rejects the suggestions for the caller; answers how many were not rejected before. */
    public int reject(DocumentAccess.Visible visible, List<Long> ids) {
        if (ids.stream().anyMatch(id -> id == null)) {
            throw ApiException.badField("ids holds suggestion ids (numbers).", "ids");
        }
        Long[] array = ids.stream().distinct().toArray(Long[]::new);
        if (rows.countOf(visible.document().id, array) != array.length) {
            throw ApiException.badField("ids must all be suggestions of this document.", "ids");
        }
        int added = rows.reject(array, visible.access().user().id);
        audit.record(visible.access().user().id, visible.document().project.id, "reject", "suggestion",
                visible.document().id, null, Map.of("suggestions", array.length));
        return added;
    }

    public int reconsider(DocumentAccess.Visible visible, long spanId) {
        int removed = rows.reconsider(visible.document().id, spanId, visible.access().user().id);
        if (removed == 0) {
            throw ApiException.notFound("You have not rejected such a suggestion of this document.");
        }
        return removed;
    }
}

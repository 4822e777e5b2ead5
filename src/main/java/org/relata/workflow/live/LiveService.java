package org.relata.workflow.live;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.relata.annotation.TeamLayers;
import org.relata.document.DocumentAccess;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;

/**
 * The database side of opening a stream, each in a short transaction of its own: a stream stays open for hours and
 * must not hold a pooled connection meanwhile.
 */
@ApplicationScoped
public class LiveService {

    @Inject
    DocumentAccess documents;

    @Inject
    ProjectAccess projects;

    @Inject
    TeamLayers teamLayers;

    /** What the caller may see of the document's layers; 404 when they may not see the document. */
    @Transactional
    public Reader documentReader(long documentId) {
        return Reader.of(documents.visible(documentId).access());
    }

    /** What the caller may see of the project's layers: curators and managers only (the progress dashboard). */
    @Transactional
    public Reader projectReader(long projectId) {
        return Reader.of(projects.requiring(projectId, Role.CURATOR));
    }

    /** The current version and status of each layer of the document that the reader may see. */
    @Transactional
    public List<LayerChange.Event> layers(long documentId, Reader reader) {
        List<LayerChange.Event> layers = new ArrayList<>();
        for (TeamLayers.LayerVersion layer : teamLayers.versions(documentId)) {
            if (reader.sees(layer.kind(), layer.userId())) {
                String name = switch (layer.kind()) {
                    case "GOLD" -> "gold";
                    case "SUGGESTIONS" -> "suggestions";
                    default -> layer.username();
                };
                layers.add(new LayerChange.Event(documentId, name, layer.version(), layer.status(), false));
            }
        }
        return layers;
    }
}

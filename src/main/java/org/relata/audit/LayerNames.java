package org.relata.audit;

import java.util.Collection;
import java.util.Map;

/**
 * The names of layers ("gold", "suggestions" or the annotator's username) by id, for the audit page. The annotation
 * package answers it (it owns the layer tables and itself writes to the audit log, so audit cannot ask it directly).
 */
public interface LayerNames {

    /** Layers that no longer exist are absent from the answer. */
    Map<Long, String> of(Collection<Long> layerIds);
}

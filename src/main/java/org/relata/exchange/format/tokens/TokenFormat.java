package org.relata.exchange.format.tokens;

import org.relata.exchange.codec.ExportFormat;

/**
 * A format that holds annotations only on token edges (CoNLL, Prodigy): what it cannot hold is left out and counted,
 * never shifted, and a discontinuous span is left out whole.
 */
interface TokenFormat extends ExportFormat {

    @Override
    default boolean reportsLeftOut() {
        return true;
    }

    @Override
    default DiscontinuousSpans discontinuousSpans() {
        return DiscontinuousSpans.LEFT_OUT;
    }
}

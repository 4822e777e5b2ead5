package org.relata.exchange.store;

import org.relata.annotation.LayerOwner;

/**
 * Which layer an export reads: gold, suggestions, one user's ({@code user:<name>}), or every annotator's ({@code all}).
 */
public record ExportSource(LayerOwner ownerKind, Long userId, String name, boolean onlyDone) {

    boolean all() {
        return name.equals("all");
    }
}

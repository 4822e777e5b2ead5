package org.relata.exchange.store;

/**
 * One label of an imported file and what it became: {@code kind} entity, relation or event; {@code file} the label
 * as the file writes it; {@code label} the project's label it was stored under (after labelMap and matching that
 * ignores case); {@code created} when this import added that label to the schema.
 */
public record ImportedLabel(String kind, String file, String label, boolean created) {
}

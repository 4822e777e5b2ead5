/**
 * The database side of import and export: the import writer behind {@link org.relata.exchange.codec.ImportSink},
 * the label catalog, and the export pipeline that reads layers into documents for a format's writer. Native SQL on
 * the annotation tables goes through {@link org.relata.annotation.BulkWriter} and
 * {@link org.relata.annotation.BulkReader}. It uses codec, never a format.
 */
package org.relata.exchange.store;

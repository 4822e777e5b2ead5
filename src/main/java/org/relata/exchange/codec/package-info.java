/**
 * What every format shares: the neutral document ({@link org.relata.exchange.codec.ExDoc}), the interfaces formats
 * implement or write to ({@link org.relata.exchange.codec.Importer}, {@link org.relata.exchange.codec.ImportSink},
 * {@link org.relata.exchange.codec.ExportFormat}, {@link org.relata.exchange.codec.DocWriter}), located import errors,
 * and the encodings (code points, UTF-8, lines, safe zips, JSON). It knows nothing of the database or of any format.
 */
package org.relata.exchange.codec;

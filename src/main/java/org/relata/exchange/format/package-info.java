/**
 * One sub-package per file format (jsonl, doccano, brat, tokens for CoNLL and Prodigy, text). A format reads into an
 * {@link org.relata.exchange.codec.ImportSink} and writes what an export hands its
 * {@link org.relata.exchange.codec.DocWriter}; it imports only codec, never the database side or another format.
 * {@link org.relata.exchange.Formats} is the one list of them.
 */
package org.relata.exchange.format;

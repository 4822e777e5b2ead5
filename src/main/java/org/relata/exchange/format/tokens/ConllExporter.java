package org.relata.exchange.format.tokens;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;

/**
 * CoNLL-2003-style BIO: "-DOCSTART- -X- -X- O" before each document, then one token per line
 * ({@code TOKEN -X- _ TAG}), a blank line after each sentence. Entities only. Where spans overlap the longest wins
 * (then the earlier, then the label in byte order); spans off token edges are left out too. The count of left-out
 * spans is in the X-Relata-Left-Out header and in a first comment line.
 */
public final class ConllExporter implements TokenFormat {

    private final long leftOutTotal;

    public ConllExporter(long leftOutTotal) {
        this.leftOutTotal = leftOutTotal;
    }

    @Override
    public String extension() {
        return "conll";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public DocWriter open(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (leftOutTotal > 0) {
            writer.write("# left out: " + leftOutTotal
                    + " spans (overlapping a longer span, not on token edges, or discontinuous)\n");
        }
        return new LeftOutCounter(writer) {

            @Override
            public void write(ExDoc doc) throws IOException {
                Tokenizer.Tokens index = Tokenizer.index(doc.text());
                List<Tokenizer.Token> tokens = index.list();
                String[] tags = new String[tokens.size()];
                List<ExDoc.ExSpan> longestFirst = new ArrayList<>(doc.spans);
                longestFirst.sort(Comparator.<ExDoc.ExSpan>comparingInt(s -> s.start - s.end)
                        .thenComparingInt(s -> s.start).thenComparing(s -> s.label));
                for (ExDoc.ExSpan span : longestFirst) {
                    // A discontinuous span has no place in this format: it is left out and counted (issue 13).
                    int[] range = span.fragments == null ? index.covering(span) : null;
                    boolean free = range != null;
                    for (int t = free ? range[0] : 0; free && t <= range[1]; t++) {
                        free = tags[t] == null;
                    }
                    if (!free) {
                        leftOut++;
                        continue;
                    }
                    for (int t = range[0]; t <= range[1]; t++) {
                        tags[t] = (t == range[0] ? "B-" : "I-") + span.label;
                    }
                }
                writer.write("-DOCSTART- -X- -X- O\n\n");
                for (int i = 0; i < tokens.size(); i++) {
                    Tokenizer.Token token = tokens.get(i);
                    writer.write(token.text());
                    writer.write(" -X- _ ");
                    writer.write(tags[i] == null ? "O" : tags[i]);
                    writer.write('\n');
                    if (token.sentenceEnd()) {
                        writer.write('\n');
                    }
                }
            }
        };
    }
}

package org.relata.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.qute.RawString;

/**
 * JSON that a page carries in a {@code <script type="application/json">} element, written in one pass by the
 * API's own mapper (the same fields as its answers). '<', '>' and '&' occur only inside JSON strings, where their
 * {@code \}{@code u} escapes mean the same, so no "</script>" or "<!--" in a text can end the element early.
 */
@ApplicationScoped
public class InlineJson {

    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private final int[] table = table();

        private static int[] table() {
            int[] t = CharacterEscapes.standardAsciiEscapesForJSON();
            t['<'] = CharacterEscapes.ESCAPE_STANDARD;
            t['>'] = CharacterEscapes.ESCAPE_STANDARD;
            t['&'] = CharacterEscapes.ESCAPE_STANDARD;
            return t;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private final ObjectWriter writer;

    @Inject
    public InlineJson(ObjectMapper json) {
        this.writer = json.writer().with(ESCAPES);
    }

    public RawString of(Object value) {
        try {
            return new RawString(writer.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + value.getClass(), e);
        }
    }
}

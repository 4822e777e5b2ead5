package org.relata.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.exchange.codec.TokenBounds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The table of word boundaries (word-boundaries.json, cases written for this project) as the Java tokeniser of the
 * CoNLL and Prodigy exports and of agreement cuts it; WorkspaceKeyboardBrowserTest checks the workspace's words.js
 * against the same file.
 */
public class WordBoundariesTest {

    public static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = WordBoundariesTest.class.getResourceAsStream("/word-boundaries.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }

    @Test
    void theJavaTokeniserCutsEveryCaseOfTheSharedTable() throws IOException {
        for (Map<String, Object> c : cases()) {
            String text = (String) c.get("text");
            assertEquals(c.get("tokens"), tokens(text), (String) c.get("why"));
        }
    }

    @Test
    void boundsAreCodePointsSoAnEmojiCountsOnce() {
        TokenBounds bounds = TokenBounds.of("a 😀 b");
        assertEquals(List.of(0, 2, 4), List.of(bounds.starts()[0], bounds.starts()[1], bounds.starts()[2]));
        assertEquals(List.of(1, 3, 5), List.of(bounds.ends()[0], bounds.ends()[1], bounds.ends()[2]));
    }

    private static List<String> tokens(String text) {
        int[] cps = text.codePoints().toArray();
        TokenBounds bounds = TokenBounds.of(cps);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            tokens.add(new String(cps, bounds.starts()[i], bounds.ends()[i] - bounds.starts()[i]));
        }
        return tokens;
    }
}

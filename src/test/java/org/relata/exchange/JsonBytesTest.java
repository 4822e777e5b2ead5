package org.relata.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.relata.exchange.codec.JsonBytes;
import org.relata.exchange.codec.JsonOut;

/** The export's own JSON writer must write the very bytes Jackson wrote before it, or old exports stop matching. */
class JsonBytesTest {

    private static final String[] PIECES = {"a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000",
        "\u001f", "\u007f", "é", "北京", "😀", "🇰🇷", "e\u0301", "\u2028", "\uffff", "{}", "'"};

    @Test
    void stringsAreWrittenAsJacksonWritesThem() throws IOException {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder value = new StringBuilder();
            int pieces = random.nextInt(n < 1000 ? 12 : 20000);
            for (int i = 0; i < pieces; i++) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertEquals(jackson(value.toString()), ours(value.toString()), "value " + n);
        }
    }

    @Test
    void numbersAndNullAreWrittenAsJacksonWritesThem() throws IOException {
        for (long number : new long[] {0, 7, 10, 99, 1234567890, -1, -45, Long.MAX_VALUE, Long.MIN_VALUE}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonBytes json = new JsonBytes(out);
            json.number(number);
            json.flush();
            assertEquals(JsonOut.JSON.writeValueAsString(number), out.toString(StandardCharsets.UTF_8));
        }
        assertEquals("null", ours(null));
    }

    private static String ours(String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBytes json = new JsonBytes(out);
        json.string(value);
        json.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String jackson(String value) throws IOException {
        return new String(JsonOut.JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }
}

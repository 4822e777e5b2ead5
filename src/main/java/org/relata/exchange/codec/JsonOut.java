package org.relata.exchange.codec;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Jackson as the JSON-lines exports use it: map keys sorted, so that the same data gives the same bytes. */
public final class JsonOut {

    /** Characters outside the BMP are written as themselves, not as escaped surrogate pairs. */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonOut() {
    }

    /** A generator for one JSON value per line: it leaves the stream open and puts nothing between values. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }
}

package org.relata.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict numbers in every JSON body the API reads: an offset or id of {@code 0.9} or {@code 5.0} is refused
 * (400) instead of being cut to an integer, as the import already does. A number too large for its field, or
 * longer than Jackson's limit of 1,000 digits, is refused by the mappers in {@link ApiExceptionMappers}.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}

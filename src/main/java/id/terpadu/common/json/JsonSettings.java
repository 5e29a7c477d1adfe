package id.terpadu.common.json;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON: unknown fields, trailing tokens, null for primitives and numbers for enums are refused; deep or
 * huge documents are stopped early by the parser instead of being built in memory. A date is an RFC 3339 full-date,
 * whose year has four digits: {@code -999999999-01-01}, which Java reads, is refused as not a date rather than failing
 * in PostgreSQL (whose dates end in 5874897).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;
    /** No JSON document is longer than the largest body the HTTP layer accepts (8 MiB). */
    public static final long MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;

    /**
     * After Quarkus's own customizers, which register the modules found (Java time among them): the deserializer of
     * the module registered last is the one used.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("rfc3339-full-date").addDeserializer(LocalDate.class, new FullDate()));
    }

    /** A {@link LocalDate} of year 0001 to 9999, as RFC 3339 writes one. */
    static final class FullDate extends StdDeserializer<LocalDate> {

        FullDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
                return (LocalDate) context.handleWeirdStringValue(
                        LocalDate.class, parser.getText(), "not an RFC 3339 full-date (years 0001 to 9999)");
            }
            return date;
        }
    }
}

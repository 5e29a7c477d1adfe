package id.terpadu.common.json;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON: unknown fields, trailing tokens, null for primitives and numbers for enums are refused; deep or
 * huge documents are stopped early by the parser instead of being built in memory. A value of the wrong JSON type is
 * refused, never converted: {@code "3"} is not a whole number, {@code 3.0} is not one either, {@code "true"} and
 * {@code 1} are not booleans, {@code 12} is not a string, and a number is not a date-time (Jackson would read
 * {@code 1733560000} as seconds since 1970, and {@code 20000} as a date 20,000 days after it). A date is an RFC 3339
 * full-date, whose year has four digits: {@code -999999999-01-01}, which Java reads, is refused as not a date rather
 * than failing in PostgreSQL (whose dates end in 5874897).
 *
 * <p>Only reading is affected: the answers, webhooks, exports and stored snapshots the service writes are as before,
 * and what it reads back of its own JSON (lists of codes, channels, the risk index's numbers) has its own types.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Jackson's own default, stated here so that a refusal can name it. */
    public static final int MAX_NAME_LENGTH = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;
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
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // no conversions between JSON types: a number is not text, text is not a number or a boolean
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("rfc3339-text")
                .addDeserializer(LocalDate.class, new FullDate())
                .addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT))
                .addDeserializer(
                        OffsetDateTime.class,
                        new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
                .addDeserializer(Duration.class, new TextOnly<>(Duration.class, DurationDeserializer.INSTANCE)));
    }

    /** Digits alone, which Java's time types would read as a count of seconds (or days) rather than refuse. */
    private static final Pattern NUMBER_AS_TEXT = Pattern.compile("\\s*[+-]?[0-9]+(\\.[0-9]*)?\\s*");

    /**
     * A time value only as the text RFC 3339 or ISO 8601 writes it: Jackson's own deserializer also takes a number or
     * text of digits (seconds since 1970), which a client never means.
     */
    static final class TextOnly<T> extends StdDeserializer<T> {

        private final JsonDeserializer<T> parse;

        TextOnly(Class<T> type, JsonDeserializer<T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            if (NUMBER_AS_TEXT.matcher(parser.getText()).matches()) {
                return (T) context.handleWeirdStringValue(handledType(), parser.getText(), "a number is not a time");
            }
            return parse.deserialize(parser, context);
        }
    }

    /** A {@link LocalDate} of year 0001 to 9999, as RFC 3339 writes one. */
    static final class FullDate extends StdDeserializer<LocalDate> {

        FullDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // not a number of days since 1970, nor an array [2024, 10, 12]
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
                return (LocalDate) context.handleWeirdStringValue(
                        LocalDate.class, parser.getText(), "not an RFC 3339 full-date (years 0001 to 9999)");
            }
            return date;
        }
    }
}

package id.terpadu.common.error;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document ({@code application/problem+json}). */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details. `errors` lists the invalid fields of a 400; "
                + "`allowed` lists the values or transitions that would have been accepted. `title`, `detail` and each field's "
                + "`message` are in Indonesian, or in English with `Accept-Language: en`; the answer names its language in "
                + "`Content-Language`.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:terpadu:problem:validation") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid") String detail,
        @Schema(example = "/api/v1/agencies") String instance,

        @Schema(example = "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11")
        String requestId,

        @Schema(
                description = "The invalid fields, at most " + Problem.MAX_ERRORS + " (`detail` gives the total)",
                maxItems = Problem.MAX_ERRORS)
        List<FieldError> errors,

        List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** A body with thousands of invalid items gets an answer of bounded size, not one larger than itself. */
    public static final int MAX_ERRORS = 50;

    /**
     * One invalid field: a JSON path into the request ({@code members[0].role}) or a parameter name, a stable code
     * and its parameters (so that a client can word the error itself), and the message in the answer's language.
     */
    @Schema(
            name = "FieldError",
            description = "One invalid field. `code` and `params` never change with the "
                    + "language: a constraint's code is its name (`not-null`, `not-blank`, `not-empty`, `size`, `min`, `max`, "
                    + "`decimal-min`, `decimal-max`, `digits`, `pattern`, `email`, `positive-or-zero`) with the constraint's "
                    + "attributes as `params` (`size`: `min`, `max`; `pattern`: `regexp`); a format or rule of Terpadu has its "
                    + "own code (`format.region-code`, `params.integer`, `team.region-code.required` …) with the values its "
                    + "message names. The table of codes is in docs/conventions.md.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            @Schema(example = "name") String field,

            @Schema(example = "size", maxLength = 100, pattern = "^[a-z][a-z0-9.-]*$")
            String code,

            @Schema(
                    description = "The values the message names, by name; absent when it names none",
                    example = "{\"min\": 0, \"max\": 200}",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
            Map<String, Object> params,

            @Schema(example = "size must be between 0 and 200")
            String message) {}
}

package id.terpadu.common.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details. `errors` lists the invalid fields of a 400; "
        + "`allowed` lists the values or transitions that would have been accepted.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:terpadu:problem:validation") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid") String detail,
        @Schema(example = "/api/v1/agencies") String instance,
        @Schema(example = "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11") String requestId,
        @Schema(description = "The invalid fields, at most " + Problem.MAX_ERRORS + " (`detail` gives the total)",
                maxItems = Problem.MAX_ERRORS) List<FieldError> errors,
        List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** A body with thousands of invalid items gets an answer of bounded size, not one larger than itself. */
    public static final int MAX_ERRORS = 50;

    /** One invalid field: a JSON path into the request ({@code members[0].role}) or a parameter name. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field,
            @Schema(example = "must not be blank") String message) {
    }
}

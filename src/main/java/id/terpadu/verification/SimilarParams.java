package id.terpadu.verification;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** The parameters of the likely-duplicates operations ({@code @BeanParam SimilarParams params}), as sent. */
public class SimilarParams {

    @QueryParam("limit")
    @Parameter(
            description = "How many candidates at most, best first",
            example = "10",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = "" + Similar.MAX_LIMIT,
                            defaultValue = "" + Similar.DEFAULT_LIMIT))
    String limit;

    /** The limit parsed: 1 to {@link Similar#MAX_LIMIT}, {@link Similar#DEFAULT_LIMIT} when absent; else a 400. */
    public int limit() {
        Integer n = Params.integer(limit, "limit", 1, Similar.MAX_LIMIT);
        return n == null ? Similar.DEFAULT_LIMIT : n;
    }
}

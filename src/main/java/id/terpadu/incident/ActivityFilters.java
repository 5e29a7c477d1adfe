package id.terpadu.incident;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** The filter of an incident's activity list as sent ({@code @BeanParam ActivityFilters filters}): the stage. */
public class ActivityFilters {

    @QueryParam("stage")
    @Parameter(schema = @Schema(implementation = Stage.class))
    String stage;

    Stage stage() {
        return Params.enumValue(Stage.class, stage, "stage");
    }
}

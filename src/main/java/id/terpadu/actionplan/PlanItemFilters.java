package id.terpadu.actionplan;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** The filter of a plan's item list as sent ({@code @BeanParam PlanItemFilters filters}): the stage of the item. */
public class PlanItemFilters {

    @QueryParam("stage")
    @Parameter(schema = @Schema(implementation = PlanStage.class))
    String stage;

    PlanStage stage() {
        return Params.enumValue(PlanStage.class, stage, "stage");
    }
}

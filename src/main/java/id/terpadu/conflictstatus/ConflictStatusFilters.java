package id.terpadu.conflictstatus;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the conflict-status list as sent ({@code @BeanParam ConflictStatusFilters filters}), each documented
 * with the type and bounds its accessor (or the service, for the region) enforces.
 */
public class ConflictStatusFilters {

    @QueryParam("scale")
    @Parameter(schema = @Schema(implementation = Scale.class))
    String scale;

    @QueryParam("region")
    @Parameter(
            description = "Region code; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    Scale scale() {
        return Params.enumValue(Scale.class, scale, "scale");
    }

    String region() {
        return region;
    }
}

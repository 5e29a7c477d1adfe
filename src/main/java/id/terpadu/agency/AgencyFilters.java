package id.terpadu.agency;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the agency list as sent ({@code @BeanParam AgencyFilters filters}), each documented with the type and
 * bounds its accessor (or the service, for the region) enforces.
 */
public class AgencyFilters {

    @QueryParam("type")
    @Parameter(description = "Agency type", schema = @Schema(implementation = AgencyType.class))
    String type;

    @QueryParam("region")
    @Parameter(
            description = "Region code; matches the region and everything below it",
            example = "19",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    @QueryParam("parentId")
    @Parameter(
            description = "Id of the parent unit",
            example = "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String parentId;

    @QueryParam("q")
    @Parameter(
            description = "Part of the name, case-insensitive",
            example = "polres",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.TEXT_LENGTH, pattern = Constraints.ONE_LINE))
    String q;

    AgencyType type() {
        return Params.enumValue(AgencyType.class, type, "type");
    }

    String region() {
        return region;
    }

    UUID parentId() {
        return Params.uuid(parentId, "parentId");
    }

    String q() {
        return Params.text(q, "q", Params.TEXT_LENGTH);
    }
}

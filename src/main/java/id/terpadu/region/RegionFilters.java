package id.terpadu.region;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the region search as sent ({@code @BeanParam RegionFilters filters}), each documented with the type
 * and bounds its accessor enforces.
 */
public class RegionFilters {

    @QueryParam("level")
    @Parameter(description = "Level", schema = @Schema(implementation = RegionLevel.class))
    String level;

    @QueryParam("parent")
    @Parameter(
            description = "Code of the parent region",
            example = "19",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String parent;

    @QueryParam("q")
    @Parameter(
            description = "Part of the name",
            example = "pangkal",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.TEXT_LENGTH, pattern = Constraints.ONE_LINE))
    String q;

    RegionLevel level() {
        return Params.enumValue(RegionLevel.class, level, "level");
    }

    /** The parent's code, or null when absent; a malformed code is a 400 naming {@code parent}. */
    String parent() {
        if (parent == null || parent.isEmpty()) {
            return null;
        }
        RegionCode.require(parent, "parent");
        return parent;
    }

    String q() {
        return Params.text(q, "q", Params.TEXT_LENGTH);
    }
}

package id.terpadu.riskindex;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.validation.Constraints;

/** Which model and version a risk index read is about ({@code @BeanParam}), and the table's level, period and region. */
public class RiskIndexFilters extends ModelVersion {

    @QueryParam("model")
    @Parameter(
            description = "Model code (default TERPADU, the model computed from Terpadu's records)",
            example = "TERPADU",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = RiskDtos.MODEL_CODE))
    String model;

    String model() {
        return model == null || model.isBlank() ? "TERPADU" : RiskIndexService.requireModelCode(model.trim(), "model");
    }

    /** The table's filters. */
    public static class TableFilters extends RiskIndexFilters {

        @QueryParam("level")
        @Parameter(
                description = "Region level (default KABUPATEN_KOTA)",
                schema = @Schema(implementation = RiskDtos.Level.class))
        String level;

        @QueryParam("period")
        @Parameter(
                description = "Month YYYY-MM (default the latest with scores)",
                example = "2026-11",
                schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = RiskDtos.PERIOD))
        String period;

        @QueryParam("region")
        @Parameter(
                description = "Only regions within this code (a province code gives it and its kabupaten/kota)",
                example = "13",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                maxLength = Params.REGION_CODE_LENGTH,
                                pattern = Constraints.REGION_CODE))
        String region;

        RiskDtos.Level level() {
            return Params.enumValue(RiskDtos.Level.class, level, "level");
        }

        String period() {
            return period == null ? null : RiskIndexService.requirePeriod(period, "period");
        }

        String region() {
            if (region == null || region.isBlank()) {
                return null;
            }
            RegionCode.require(region, "region");
            return region;
        }
    }
}

package id.terpadu.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Region")
public record RegionResponse(
        @Schema(description = "Kemendagri code", example = "19.71") String code,
        @Schema(example = "Kota Pangkal Pinang") String name,
        RegionLevel level,
        @Schema(description = "Code of the region one level up; null for a province", example = "19") String parentCode) {

    static RegionResponse from(Region region) {
        return new RegionResponse(region.code, region.name, region.level, region.parentCode);
    }
}

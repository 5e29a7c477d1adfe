package id.terpadu.region;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.region.RegionLevel;

@Schema(name = "Region", description = "A Kemendagri administrative region")
public record RegionResponse(
        @Schema(description = "Kemendagri code", example = "19.71")
        String code,

        @Schema(example = "Kota Pangkal Pinang") String name,
        RegionLevel level,

        @Schema(description = "Code of the region one level up; null for a province", example = "19")
        String parentCode,

        @Schema(
                description = "When a complete official list no longer had this code; null while it is in force. A "
                        + "retired code is kept, and records that name it stay valid")
        Instant retiredAt,

        @Schema(description = "The names the region had before, oldest first")
        List<FormerName> formerNames) {

    @Schema(name = "RegionFormerName")
    public record FormerName(
            @Schema(example = "Kota Pangkalpinang", maxLength = 200)
            String name,

            @Schema(description = "When an import replaced it")
            Instant until) {}

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<FormerName>> NAMES = new TypeReference<>() {};

    static RegionResponse from(Region region) {
        return new RegionResponse(
                region.code,
                region.name,
                region.level,
                region.parentCode,
                region.retiredAt,
                formerNames(region.formerNames));
    }

    private static List<FormerName> formerNames(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, NAMES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a region's former names cannot be read", e);
        }
    }
}

package id.terpadu.incident;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.incident.IncidentDtos.IncidentResponse;

/** RFC 7946 output of the incident list: a FeatureCollection of Points; {@code nextCursor} is a foreign member. */
public final class GeoJson {

    private GeoJson() {}

    @Schema(name = "IncidentFeatureCollection")
    public record FeatureCollection(
            @Schema(example = "FeatureCollection") String type, List<Feature> features, String nextCursor) {}

    @Schema(name = "IncidentFeature")
    public record Feature(
            @Schema(example = "Feature") String type,
            UUID id,

            @Schema(description = "null when the incident has no coordinates")
            Geometry geometry,

            IncidentResponse properties) {}

    @Schema(name = "PointGeometry")
    public record Geometry(
            @Schema(example = "Point") String type,

            @Schema(description = "[longitude, latitude]", example = "[100.1205, -0.6263]")
            double[] coordinates) {}

    static FeatureCollection of(id.terpadu.common.paging.Page<IncidentResponse> page) {
        return new FeatureCollection(
                "FeatureCollection",
                page.items().stream()
                        .map(i -> new Feature(
                                "Feature",
                                i.id(),
                                i.point() == null
                                        ? null
                                        : new Geometry("Point", new double[] {
                                            i.point().lon(), i.point().lat()
                                        }),
                                i))
                        .toList(),
                page.nextCursor());
    }
}

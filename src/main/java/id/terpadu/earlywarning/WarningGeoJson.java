package id.terpadu.earlywarning;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.paging.Page;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningResponse;
import id.terpadu.incident.GeoJson;

/**
 * RFC 7946 output of the early-warning list: a FeatureCollection of the warnings with a point, each a Point feature;
 * {@code nextCursor} is a foreign member, as in the incidents' GeoJSON.
 */
final class WarningGeoJson {

    private WarningGeoJson() {}

    @Schema(name = "EarlyWarningFeatureCollection")
    record FeatureCollection(
            @Schema(example = "FeatureCollection") String type, List<Feature> features, String nextCursor) {}

    @Schema(name = "EarlyWarningFeature")
    record Feature(
            @Schema(example = "Feature") String type,
            UUID id,
            GeoJson.Geometry geometry,
            EarlyWarningResponse properties) {}

    static FeatureCollection of(Page<EarlyWarningResponse> page) {
        return new FeatureCollection(
                "FeatureCollection",
                page.items().stream()
                        .map(w -> new Feature(
                                "Feature",
                                w.id(),
                                new GeoJson.Geometry(
                                        "Point",
                                        new double[] {w.point().lon(), w.point().lat()}),
                                w))
                        .toList(),
                page.nextCursor());
    }
}

package id.terpadu.incident;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.security.Role;
import id.terpadu.incident.IncidentExport.Format;

@Path("/api/v1/exports/incidents")
@Tag(name = "Exports", description = "Large slices streamed from one database snapshot in constant memory")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.ANALYST_, Role.INTEGRATION_})
public class ExportResource {

    private final IncidentExport export;

    ExportResource(IncidentExport export) {
        this.export = export;
    }

    @GET
    @Produces({"application/x-ndjson", "text/csv", "application/geo+json"})
    @Operation(
            summary = "Export incidents",
            description = "Every incident you could list with the same filters, "
                    + "in no particular order (the first rows leave at once, no sort of the whole slice comes first), streamed "
                    + "from one consistent database snapshot: NDJSON (one object a line), CSV (UTF-8, "
                    + "a header row, then a row of HXL hashtags, then the data; RFC 4180 quoting, formula-like text prefixed "
                    + "with an apostrophe) or a GeoJSON FeatureCollection. Choose with `format` or `Accept`. Columns: id "
                    + "#event+id; title #event+name; category #event+type (like ACLED's event type); regionCode #loc+code; "
                    + "provinceCode #adm1+code; kabkotaCode #adm2+code; latitude #geo+lat; longitude #geo+lon; geoPrecision "
                    + "#geo+precision (ACLED: 1 exact, 2 near, 3 region); timePrecision #date+precision (1 day, 2 week, 3 "
                    + "month); occurredFrom #date+occurred; occurredTo #date+end; stage #status+stage; severity #severity; "
                    + "classification #meta+classification; sourceKind #meta+source; killed #affected+killed (ACLED "
                    + "fatalities); injured #affected+injured; sexualViolence #affected+sexual_violence; buildingsDamaged "
                    + "#impact+buildings_damaged; displaced #affected+idps; leadAgencyId #org+lead+id; updatedAt "
                    + "#date+updated; duplicateOf #meta+duplicate_of (the original of a record verified DUPLIKAT). Each "
                    + "event once: records verified DUPLIKAT are left out unless `includeDuplicates=true`. "
                    + "An empty impact means unknown, never 0. ADMIN, COORDINATOR, ANALYST, INTEGRATION (an "
                    + "API key needs export:read).")
    @APIResponse(
            responseCode = "200",
            description = "The export, streamed",
            content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = IncidentExamples.CSV)),
                @Content(
                        mediaType = "application/x-ndjson",
                        examples = @ExampleObject(name = "ndjson", value = IncidentExamples.NDJSON)),
                @Content(
                        schema = @Schema(implementation = GeoJson.FeatureCollection.class),
                        mediaType = "application/geo+json",
                        examples = @ExampleObject(name = "geojson", value = IncidentExamples.GEOJSON))
            })
    public Response incidents(
            @BeanParam IncidentFilters filters,
            @Parameter(
                            description = "true: count records verified DUPLIKAT too (raw counts). By default each "
                                    + "event counts once: a duplicate, which names its original, is left out",
                            example = "false",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeDuplicates")
                    String includeDuplicates,
            @Parameter(
                            description = "Overrides Accept",
                            example = "csv",
                            schema = @Schema(enumeration = {"ndjson", "csv", "geojson"}))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        Format chosen = choose(format, headers.getAcceptableMediaTypes());
        return Response.ok(
                        export.export(filters.query(IncidentQuery.Duplicates.ofCount(includeDuplicates)), chosen),
                        chosen.mediaType + (chosen == Format.CSV ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"incidents." + chosen.extension + "\"")
                .build();
    }

    static Format choose(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) {
            return Arrays.stream(Format.values())
                    .filter(f -> f.extension.equals(format))
                    .findFirst()
                    .orElseThrow(() -> {
                        List<String> allowed = Arrays.stream(Format.values())
                                .map(f -> f.extension)
                                .toList();
                        return ProblemException.invalid(
                                "format", Message.of("params.enum", "allowed", allowed), allowed);
                    });
        }
        for (MediaType type : accepted) {
            for (Format f : Format.values()) {
                if (type.isCompatible(MediaType.valueOf(f.mediaType)) && !type.isWildcardType()) {
                    return f;
                }
            }
            if (type.isWildcardType()) {
                return Format.NDJSON;
            }
        }
        throw new ProblemException(ProblemType.NOT_ACCEPTABLE, Message.of("export.not-acceptable"));
    }
}

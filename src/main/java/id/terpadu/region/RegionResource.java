package id.terpadu.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Params;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.common.validation.Constraints;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Kemendagri administrative region codes (provinsi to desa/kelurahan)")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class RegionResource {

    private final RegionService service;

    RegionResource(RegionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Search regions",
            description = "Regions ordered by code, filtered by level, parent code and "
                    + "a case-insensitive part of the name. Keyset-paginated: follow `nextCursor` or the Link header.")
    @APIResponse(
            responseCode = "200",
            description = "A page of regions",
            content =
                    @Content(
                            schema = @Schema(ref = "RegionPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = RegionExamples.PAGE)))
    public Response search(@BeanParam RegionFilters filters, @BeanParam PageParams page) {
        return page.ok(service.search(filters.level(), filters.parent(), filters.q(), page.request()));
    }

    @GET
    @Path("{code}")
    @Operation(
            summary = "Get a region",
            description = "One region by its Kemendagri code. The ETag changes when the "
                    + "region is re-imported with another name; If-None-Match gives 304.")
    @APIResponse(
            responseCode = "200",
            description = "The region",
            content =
                    @Content(
                            schema = @Schema(implementation = RegionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "kota", value = RegionExamples.KOTA)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(
            @Parameter(
                            description = "Kemendagri code",
                            example = "13.77",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.REGION_CODE_LENGTH,
                                            pattern = Constraints.REGION_CODE))
                    @PathParam("code")
                    String code,
            @Context Request request) {
        Region region = service.get(code);
        EntityTag tag = new EntityTag(
                Long.toString(java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, region.updatedAt)));
        return ETags.conditionalGet(request, tag, RegionResponse.from(region));
    }

    @GET
    @Path("{code}/children")
    @Operation(
            summary = "List the regions one level down",
            description = "The kabupaten/kota of a province, the "
                    + "kecamatan of a kabupaten/kota, or the desa/kelurahan of a kecamatan, ordered by code.")
    @APIResponse(
            responseCode = "200",
            description = "A page of regions",
            content =
                    @Content(
                            schema = @Schema(ref = "RegionPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = RegionExamples.PAGE)))
    public Response children(
            @Parameter(
                            description = "Kemendagri code",
                            example = "13",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.REGION_CODE_LENGTH,
                                            pattern = Constraints.REGION_CODE))
                    @PathParam("code")
                    String code,
            @BeanParam PageParams page) {
        return page.ok(service.children(code, page.request()));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Role.ADMIN_)
    @Idempotent
    @Operation(
            summary = "Import the Kemendagri region list",
            description = "Takes a UTF-8 CSV with the header "
                    + "`kode,nama` (the official list, about 91,600 lines). All or nothing: every line is checked (code format, "
                    + "level, duplicates, parent present in the file or already known) and one bad line writes nothing; the "
                    + "problem lists bad lines with their numbers. Re-importing is safe: new codes are inserted, changed names "
                    + "updated (the former name is kept in `formerNames`), nothing duplicated. Codes absent from the file are "
                    + "kept; with `complete=true` (the file is the whole official list of each province whose own line it "
                    + "has) the codes of those provinces that it lacks are marked retired, never deleted, since records may "
                    + "name them. "
                    + "The whole list ships with the service and is applied at first start. ADMIN only.")
    @RequestBody(
            // text/plain too: a CSV saved as .txt, or sent by a tool that names no CSV type
            content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = RegionExamples.CSV)),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        examples = @ExampleObject(name = "csv", value = RegionExamples.CSV))
            })
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportResult.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "result", value = RegionExamples.RESULT)))
    public Response importCsv(
            @Parameter(
                            description = "The file is the whole official list of each province whose "
                                    + "own line it has: retire those provinces' codes it lacks (default false)",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("complete")
                    String complete,
            String csv) {
        Boolean whole = Params.bool(complete, "complete");
        return Response.ok(service.importCsv(csv, Boolean.TRUE.equals(whole))).build();
    }
}

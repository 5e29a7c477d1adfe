package id.terpadu.agency;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.agency.AgencyDtos.AgencyInput;
import id.terpadu.agency.AgencyDtos.AgencyResponse;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Problem;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.security.Role;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Member agencies of the Tim Terpadu and their units")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class AgencyResource {

    private final AgencyService service;

    AgencyResource(AgencyService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List agencies",
            description = "Agencies visible in your region scope (national bodies are "
                    + "visible to all), ordered by name. Filters: type, region subtree (a province code finds its kabupaten/kota "
                    + "and below), parent unit, part of the name. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of agencies",
            content =
                    @Content(
                            schema = @Schema(ref = "AgencyPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = AgencyExamples.PAGE)))
    public Response list(@BeanParam AgencyFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.type(), filters.region(), filters.parentId(), filters.q(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get an agency",
            description = "One agency with its ETag. An agency outside your region "
                    + "scope answers 404. If-None-Match with the current ETag gives 304.")
    @APIResponse(
            responseCode = "200",
            description = "The agency",
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyDtos.AgencyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agency", value = AgencyExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        AgencyResponse agency = service.get(id);
        return ETags.conditionalGet(request, agency);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Create an agency",
            description = "Creates an agency or unit in your region scope. The "
                    + "client may choose the id. A parent unit must cover the unit's region. Send an Idempotency-Key to retry "
                    + "safely. ADMIN or COORDINATOR.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "polres", value = AgencyExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyDtos.AgencyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agency", value = AgencyExamples.RESPONSE)))
    public Response create(@Valid @NotNull AgencyInput request, @Context UriInfo uri) {
        AgencyResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace an agency",
            description = "Replaces every field. If-Match with the ETag you read is "
                    + "required (428 without, 412 when someone changed it since). ADMIN or COORDINATOR.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "polres", value = AgencyExamples.INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyDtos.AgencyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agency", value = AgencyExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull AgencyInput request) {
        AgencyResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(summary = "Change some fields of an agency", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "AgencyInput"),
                            examples = @ExampleObject(name = "name", value = AgencyExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyDtos.AgencyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agency", value = AgencyExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        AgencyResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete an agency",
            description =
                    "Deletes an agency that no unit, team or team member refers "
                            + "to (409 otherwise). If-Match is required. The change log keeps a tombstone. ADMIN or COORDINATOR.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "History of an agency",
            description = "Every change of the agency, oldest first: who, "
                    + "agency, client, request id, time, and the record after the change. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return page.ok(service.history(id, page.request()));
    }
}

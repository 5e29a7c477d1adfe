package id.terpadu.apikey;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.apikey.ApiKeyDtos.ApiKeyCreated;
import id.terpadu.apikey.ApiKeyDtos.ApiKeyInput;
import id.terpadu.apikey.ApiKeyDtos.ApiKeyResponse;
import id.terpadu.apikey.ApiKeyDtos.RevocationInput;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "API keys",
        description =
                "Keys of integration scripts: `Authorization: ApiKey <key>` or `X-API-Key`, role "
                        + "INTEGRATION, the key's region scope, classification and scopes (read, feed:read, export:read, incidents:write)")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
public class ApiKeyResource {

    private final ApiKeyService service;

    ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List API keys",
            description = "Keys of the agencies in your region scope, newest first, "
                    + "filtered by agency and whether they are active. Never the key itself. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of keys",
            content =
                    @Content(
                            schema = @Schema(ref = "ApiKeyPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = ApiKeyExamples.PAGE)))
    public Response list(@BeanParam ApiKeyFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.agencyId(), filters.active(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get an API key",
            description = "One key's settings, last use and state (never the key itself).")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content =
                    @Content(
                            schema = @Schema(implementation = ApiKeyDtos.ApiKeyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "key", value = ApiKeyExamples.KEY)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ApiKeyResponse key = service.get(id);
        return ETags.conditionalGet(request, key);
    }

    @POST
    @Idempotent
    @Operation(
            summary = "Issue an API key",
            description = "Issues a key for an agency in your scope, with a region "
                    + "scope within yours, a classification you may read (CONFIDENTIAL only for a cleared agency), scopes and "
                    + "an expiry at most a year ahead. The key is in this answer only; PostgreSQL keeps its SHA-256. A replay "
                    + "with the same Idempotency-Key returns the key's settings without the key. The example's `expiresAt` "
                    + "(2027-06-30) must lie within a year of today: set a date that does.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "dashboard", value = ApiKeyExamples.DASHBOARD)))
    @APIResponse(
            responseCode = "201",
            description = "Issued; the key is shown once",
            content =
                    @Content(
                            schema = @Schema(implementation = ApiKeyDtos.ApiKeyCreated.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = ApiKeyExamples.CREATED)))
    public Response create(@Valid @NotNull ApiKeyInput request, @Context UriInfo uri) {
        ApiKeyCreated created = service.create(request);
        return Answers.created(uri, created);
    }

    @POST
    @Path("{id}/revocation")
    @Idempotent
    @Operation(
            summary = "Revoke an API key",
            description = "Takes effect at once: the next request with the key is a "
                    + "401. Final (409 when already revoked).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "revoke", value = ApiKeyExamples.REVOKE)))
    @APIResponse(
            responseCode = "200",
            description = "The revoked key",
            content =
                    @Content(
                            schema = @Schema(implementation = ApiKeyDtos.ApiKeyResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "key", value = ApiKeyExamples.KEY)))
    public Response revoke(@PathParam("id") UUID id, @Valid @NotNull RevocationInput request) {
        ApiKeyResponse revoked = service.revoke(id, request.reason());
        return Answers.ok(revoked);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "History of an API key", description = "Issue and revocation, oldest first. Keyset-paginated.")
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

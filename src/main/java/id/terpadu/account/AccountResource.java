package id.terpadu.account;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import id.terpadu.account.AccountDtos.AccountInput;
import id.terpadu.account.AccountDtos.AccountResponse;
import id.terpadu.account.AccountDtos.DeactivationInput;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Accounts",
        description =
                "People and their rights: the issuer and subject of their tokens at an OpenID Connect provider "
                        + "(Keycloak, SSO ASN, INApas), their agency, roles and region scope. A token gets its rights from its "
                        + "account at each request, so a deactivation or a change takes effect on the next one. ADMIN, or "
                        + "COORDINATOR within its region scope and never beyond its own rights. Email and phone are personal data.")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
public class AccountResource {

    private final AccountService service;

    AccountResource(AccountService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List accounts",
            description = "Accounts of agencies in your region scope (national accounts only for a national caller), "
                    + "newest first, filtered by agency, state, role, issuer and name. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of accounts",
            content =
                    @Content(
                            schema = @Schema(ref = "AccountPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = AccountExamples.PAGE)))
    public Response list(@BeanParam AccountFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.query(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an account", description = "One account, its rights and state, and the ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(
                            schema = @Schema(implementation = AccountResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return ETags.conditionalGet(request, service.get(id));
    }

    @POST
    @Idempotent
    @Operation(
            summary = "Create an account",
            description = "Gives a person of an agency in your scope rights: roles and a region scope within yours "
                    + "(a COORDINATOR grants no ADMIN), under the issuer and subject of their tokens. A person whose "
                    + "token was refused for want of an account finds both in that refusal. 409 when the issuer and "
                    + "subject already have an account.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "officer", value = AccountExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = AccountResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    public Response create(@Valid @NotNull AccountInput request, @Context UriInfo uri) {
        return Answers.created(uri, service.create(request));
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @Operation(
            summary = "Replace an account",
            description = "Replaces every field but the state. If-Match with the ETag you read is required (428 "
                    + "without, 412 when someone changed it since). New roles and scope apply to the person's next "
                    + "request.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "officer", value = AccountExamples.REPLACE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = AccountResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull AccountInput request) {
        return Answers.ok(service.replace(id, ETags.requireIfMatch(ifMatch), request));
    }

    @POST
    @Path("{id}/deactivation")
    @Idempotent
    @Operation(
            summary = "Deactivate an account",
            description = "The person's next request is refused (403), whatever token they hold. 409 when already "
                    + "deactivated, or for your own account.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "moved", value = AccountExamples.DEACTIVATE)))
    @APIResponse(
            responseCode = "200",
            description = "The deactivated account",
            content =
                    @Content(
                            schema = @Schema(implementation = AccountResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    public Response deactivate(@PathParam("id") UUID id, @Valid @NotNull DeactivationInput request) {
        return Answers.ok(service.deactivate(id, request.reason()));
    }

    @POST
    @Path("{id}/reactivation")
    @Idempotent
    @Operation(
            summary = "Reactivate an account",
            description = "The person's tokens work again from their next request. 409 when the account is active. "
                    + "No body is needed.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                            description = "Ignored",
                                            maxProperties = 0),
                            examples = @ExampleObject(name = "none", value = "{}")))
    @APIResponse(
            responseCode = "200",
            description = "The active account",
            content =
                    @Content(
                            schema = @Schema(implementation = AccountResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    public Response reactivate(@PathParam("id") UUID id) {
        return Answers.ok(service.reactivate(id));
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "History of an account",
            description = "Every change, oldest first: who, when, and the account after the change, with email and "
                    + "phone masked whoever reads it. Keyset-paginated.")
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

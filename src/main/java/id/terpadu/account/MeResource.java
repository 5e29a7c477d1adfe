package id.terpadu.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import id.terpadu.account.AccountDtos.MeResponse;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@Authenticated
public class MeResource {

    private final AccountService service;

    MeResource(AccountService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Who am I",
            description =
                    "Who you are to the service (your account, your token's claims, or your API key) and what you "
                            + "may do: roles, region scope, the highest classification you read, whether you read personal "
                            + "data, your agency. A token of an identity provider without an active account is a 403 that "
                            + "names its issuer and subject, for the administrator who creates the account.")
    @APIResponse(
            responseCode = "200",
            description = "You",
            content =
                    @Content(
                            schema = @Schema(implementation = MeResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "me", value = AccountExamples.ME)))
    public MeResponse me() {
        return service.me();
    }
}

package id.terpadu.dev;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.security.DevTokenDtos;
import id.terpadu.common.security.DevTokens;

@Path("/api/v1/dev/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Development", description = "Development tokens (dev mode and tests only)")
public class DevTokenResource {

    private final DevTokens tokens;

    DevTokenResource(DevTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @PermitAll
    @Idempotent
    @Operation(
            summary = "Mint a development token",
            description = "Signs a token with the DEVELOPMENT-ONLY key for "
                    + "the roles, agency and region scope you ask for. Exists only while terpadu.dev-tokens.enabled is true "
                    + "(dev mode and tests); in production this address answers 404 and the key is never loaded. In Swagger "
                    + "UI: run this, copy accessToken, press Authorize and paste it.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "coordinator-sumbar",
                                        summary = "Kesbangpol secretariat of Sumatera Barat: every example",
                                        value = DevExamples.COORDINATOR_SUMBAR),
                                @ExampleObject(
                                        name = "admin-national",
                                        summary = "National administrator",
                                        value = DevExamples.ADMIN_NATIONAL)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "A signed token",
            content =
                    @Content(
                            schema = @Schema(implementation = DevTokenDtos.DevTokenResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "token", value = DevExamples.TOKEN)))
    public Response mint(@Valid @NotNull DevTokenDtos.DevTokenRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.mint(request))
                .build();
    }
}

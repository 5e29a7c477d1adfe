package id.terpadu.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.security.Role;
import id.terpadu.notification.NotificationDtos.PreferencesInput;
import id.terpadu.notification.NotificationDtos.PreferencesResponse;

@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_})
public class PreferenceResource {

    private final NotificationService service;

    PreferenceResource(NotificationService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Your notification preferences",
            description =
                    "Which kinds of event reach you in the inbox and by email, and whether emails come at once or "
                            + "as one daily digest. Until you save them, every kind reaches both, at once (version 0).")
    @APIResponse(
            responseCode = "200",
            description = "Your preferences, with their ETag",
            content =
                    @Content(
                            schema = @Schema(implementation = PreferencesResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "preferences", value = NotificationExamples.PREFERENCES)))
    public Response get(@Context Request request) {
        PreferencesResponse preferences = service.preferences();
        return ETags.conditionalGet(request, ETags.of(preferences.version()), preferences);
    }

    @PUT
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save your notification preferences",
            description =
                    "Replaces them: a kind left out reaches both channels. Needs an account (404 for a token "
                            + "that carries its own claims: it has no preferences to save). If-Match is required: `\"0\"` before the first save.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "quiet", value = NotificationExamples.PREFERENCES_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Saved; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = PreferencesResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "preferences", value = NotificationExamples.PREFERENCES)))
    public Response replace(
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull PreferencesInput request) {
        PreferencesResponse saved = service.replace(ETags.requireIfMatch(ifMatch), request);
        return Response.ok(saved).tag(ETags.of(saved.version())).build();
    }
}

package id.terpadu.neutrality;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.security.Role;
import id.terpadu.neutrality.NeutralityDtos.CaseResponse;
import id.terpadu.neutrality.NeutralityDtos.PersonInput;
import id.terpadu.neutrality.NeutralityDtos.PersonsInput;
import id.terpadu.neutrality.NeutralityDtos.RemovalInput;

/** The civil servants of a neutrality case, each handled from finding to sanction. */
@Path("/api/v1/neutrality-cases/{id}/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Neutrality cases")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class NeutralityPersonResource {

    // Operation ids are part of the contract (generated clients name their methods after them): these operations
    // keep the ids they were published with, from when they were part of NeutralityResource.

    private final NeutralityService service;

    NeutralityPersonResource(NeutralityService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            operationId = "NeutralityResource_addPersons",
            summary = "Add civil servants to a case",
            description = "Appends persons (each starts DITERIMA).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "more", value = NeutralityExamples.MORE)))
    @APIResponse(
            responseCode = "200",
            description = "The case with the new persons",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response addPersons(@PathParam("id") UUID id, @Valid @NotNull PersonsInput request) {
        CaseResponse updated = service.addPersons(id, request.persons());
        return Answers.ok(updated);
    }

    @PUT
    @Idempotent
    @Path("{personId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Correct a civil servant of a case",
            description = "Corrects a misspelt name, a wrong NIP, the employer or the position. A person is part of "
                    + "the case: If-Match is the case's ETag (required), and the answer is the case. Where the person's "
                    + "handling stands moves by POST …/transitions. The history keeps names and NIPs masked.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "nip", value = NeutralityExamples.PERSON_CORRECTION)))
    @APIResponse(
            responseCode = "200",
            description = "The case with the corrected person; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response correctPerson(
            @PathParam("id") UUID id,
            @PathParam("personId") UUID personId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull PersonInput request) {
        return Answers.ok(service.correctPerson(id, personId, ETags.requireIfMatch(ifMatch), request));
    }

    @DELETE
    @Path("{personId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Remove a civil servant added by mistake",
            description = "Removes a person from the case, with a mandatory reason in the body, while nothing was "
                    + "decided about them (DITERIMA or KAJIAN). A person recommended, sanctioned or found no violation "
                    + "is part of the record of what was done (409; a wrong sanction is reopened by POST "
                    + "…/transitions/reopening); the last person is not removed (409: delete the case instead). A "
                    + "person is part of the case: If-Match is the case's ETag (required), and the answer is the case, "
                    + "whose `removedPersons` keeps who removed which person, when and why. Its history keeps the "
                    + "earlier versions with the person's name and NIP masked.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "twice", value = NeutralityExamples.REMOVAL)))
    @APIResponse(
            responseCode = "200",
            description = "The case without the person; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response removePerson(
            @PathParam("id") UUID id,
            @PathParam("personId") UUID personId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull RemovalInput request) {
        return Answers.ok(service.removePerson(id, personId, ETags.requireIfMatch(ifMatch), request));
    }
}

package id.terpadu.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

@Path("/api/v1/personal-data-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Personal data access",
        description = "Who read unmasked personal data (UU 27/2022): names of persons among "
                + "incident and early-warning parties, civil servants and reporters of ASN neutrality cases")
@RolesAllowed(Role.ADMIN_)
public class AccessLogResource {

    @Schema(name = "PersonalDataAccess", description = "One record answered with its personal data unmasked")
    public record AccessResponse(
            UUID id,
            Instant accessedAt,

            @Schema(description = "Token subject or `api-key:<prefix>`", example = "budi.kesbangpol")
            String actor,

            UUID agencyId,
            String clientId,
            @Schema(example = "neutrality-case") String entityType,
            UUID entityId,
            @Schema(example = "13.77") String regionCode,
            @Schema(example = "GET") String method,

            @Schema(example = "/api/v1/neutrality-cases/6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d")
            String path,

            String requestId) {

        static AccessResponse from(PersonalDataAccess a) {
            return new AccessResponse(
                    a.id,
                    a.accessedAt,
                    a.actor,
                    a.agencyId,
                    a.clientId,
                    a.entityType,
                    a.entityId,
                    a.regionCode,
                    a.method,
                    a.path,
                    a.requestId);
        }
    }

    private final AccessLog accessLog;

    AccessLogResource(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GET
    @Operation(
            summary = "List reads of unmasked personal data",
            description = "One row per record answered unmasked "
                    + "(a GET, a list page, or the answer to a write), newest first: who, with which agency and client, which "
                    + "record, by which request. Holds ids, never the data. ADMIN only, within the ADMIN's region scope. "
                    + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of reads",
            content =
                    @Content(
                            schema = @Schema(ref = "PersonalDataAccessPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = PrivacyExamples.PAGE)))
    public Response list(@BeanParam AccessLogFilters filters, @BeanParam PageParams page) {
        return page.ok(accessLog.list(
                filters.actor(),
                filters.entityId(),
                filters.entityType(),
                filters.from(),
                filters.to(),
                page.request()));
    }
}

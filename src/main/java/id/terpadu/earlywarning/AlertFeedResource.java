package id.terpadu.earlywarning;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.ETags;
import id.terpadu.common.security.Role;

/**
 * The current public alerts as an Atom feed. It needs a token like every other address: which warnings reach the
 * public is for the secretariats to publish, and a caller's region scope must hold here as in the JSON lists.
 */
@Path("/api/v1/alerts.atom")
@Produces(AlertXml.ATOM)
@Tag(name = "Early warnings")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class AlertFeedResource {

    /**
     * The {@code updated} of a feed without entries (one with entries has its newest entry's): one fixed time, the
     * same on every instance and after every restart, so that the feed's ETag, a digest of its content, stays the same
     * and a poller gets 304 (it used to be the time of the request, a new tag every second).
     */
    private static final Instant EMPTY_SINCE = Instant.parse("2000-01-01T00:00:00Z");

    private final CapAlerts alerts;

    AlertFeedResource(CapAlerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(
            summary = "Current public alerts as an Atom feed",
            description = "An Atom (RFC 4287) feed of the early "
                    + "warnings that stand as public alerts: classification PUBLIC, status neither REDA nor ESKALASI, inside "
                    + "your region scope; most recently changed first, at most 100 entries. Each entry's id is the warning "
                    + "(urn:terpadu:early-warning:{id}) and its `link rel=\"alternate\" type=\"application/cap+xml\"` is the "
                    + "warning's address: GET it with `Accept: application/cap+xml` for the CAP 1.2 alert. A token is needed "
                    + "(any role, INTEGRATION included); RESTRICTED and CONFIDENTIAL warnings never appear, whoever asks. "
                    + "The ETag is a digest of the feed; send it in If-None-Match when polling.")
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            content =
                    @Content(
                            mediaType = AlertXml.ATOM,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "feed", value = WarningExamples.FEED)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response feed(@Context UriInfo uri, @Context Request request) {
        byte[] feed = AlertXml.atom(
                alerts.feed(),
                uri.getRequestUri(),
                id -> uri.getBaseUriBuilder().path("api/v1/early-warnings/{id}").build(id),
                alerts.senderName(),
                EMPTY_SINCE);
        return ETags.conditionalGet(request, ETags.ofContent(feed), feed);
    }
}

package id.terpadu.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

import id.terpadu.common.security.Role;
import id.terpadu.feed.FeedDtos.FeedPage;
import id.terpadu.feed.FeedDtos.Latest;

@Path("/api/v1/feed/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Change feed",
        description = "Every create, update and delete of the records you may see, in order, "
                + "with tombstones, resumable from a cursor without gaps or duplicates")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class FeedResource {

    private final FeedService service;

    FeedResource(FeedService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Pull the changes after a cursor",
            description = "Changes in order (transaction, then "
                    + "position), each with type, id, operation, version, time and the record as its GET shows it. A change "
                    + "is delivered once every older transaction has ended, so a reader looping on `nextCursor` never misses "
                    + "one and never gets one twice, across restarts. What you may not see is passed over; a delete, or a "
                    + "change that takes a record you saw out of your region scope or clearance, is a tombstone. Without "
                    + "`after` the feed starts at the beginning; GET …/latest gives the cursor of now. An API key needs the "
                    + "scope feed:read.")
    @APIResponse(
            responseCode = "200",
            description = "The next changes",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedDtos.FeedPage.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = FeedExamples.PAGE)))
    public FeedPage changes(@BeanParam FeedFilters filters) {
        return service.changes(filters.page(), service.parseTypes(filters.types()));
    }

    @GET
    @Path("latest")
    @Operation(
            summary = "The cursor of now",
            description = "The cursor after the newest change ready to be read: a "
                    + "fresh reader that only wants what changes from now on starts here.")
    @APIResponse(
            responseCode = "200",
            description = "The cursor",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedDtos.Latest.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "latest", value = FeedExamples.LATEST)))
    public Latest latest() {
        return new Latest(service.latest());
    }
}

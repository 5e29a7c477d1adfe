package id.terpadu.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Params;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.notification.NotificationDtos.MarkReadInput;
import id.terpadu.notification.NotificationDtos.MarkReadResult;
import id.terpadu.notification.NotificationDtos.NotificationSummary;

@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_})
public class NotificationResource {

    private final NotificationService service;

    NotificationResource(NotificationService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Your inbox",
            description =
                    "What happened that you should know, newest first: a task given to your agency, acknowledged, "
                            + "due within 24 hours, overdue, escalated to your team; an early warning of risk TINGGI in your "
                            + "region. Only records you may read reach you, and an entry names the record, not what it says. "
                            + "Keyset-paginated; `since` gives only entries after an id you have seen (a mobile app polls the "
                            + "summary, then this). A caller without an account has an empty inbox.")
    @APIResponse(
            responseCode = "200",
            description = "A page of your inbox",
            content =
                    @Content(
                            schema = @Schema(ref = "NotificationPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = NotificationExamples.PAGE)))
    public Response list(
            @QueryParam("unread")
                    @Parameter(
                            description = "Only unread (true) or read (false) entries",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String unread,
            @QueryParam("since")
                    @Parameter(
                            description = "Only entries after this id (the `latest` of a summary you read before); for "
                                    + "example 41",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int64",
                                            minimum = "0",
                                            maximum = "9223372036854775807"))
                    String since,
            @BeanParam PageParams page) {
        return page.ok(service.list(
                Params.bool(unread, "unread"), Params.whole(since, "since", 0, Long.MAX_VALUE), page.request()));
    }

    @GET
    @Path("summary")
    @Operation(
            summary = "How many unread, and the newest entry",
            description = "The cheap poll of a mobile app: send the last ETag as If-None-Match and get 304 while "
                    + "nothing arrived and nothing was read; else the unread count and the newest entry's id (read the "
                    + "new ones with `since`).")
    @APIResponse(
            responseCode = "200",
            description = "The summary, with its ETag",
            content =
                    @Content(
                            schema = @Schema(implementation = NotificationSummary.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "summary", value = NotificationExamples.SUMMARY)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag you sent")
    public Response summary(@Context Request request) {
        NotificationSummary summary = service.summary();
        return ETags.conditionalGet(request, new EntityTag(summary.latest() + "-" + summary.unread()), summary);
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(
            summary = "Mark entries read",
            description =
                    "The listed entries, or every entry up to an id (`upTo`: all you have seen). Entries that are "
                            + "not yours or already read are passed over, so a retry changes nothing.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "some", value = NotificationExamples.READ_SOME),
                                @ExampleObject(name = "all", value = NotificationExamples.READ_ALL)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "How many were marked, and how many stay unread",
            content =
                    @Content(
                            schema = @Schema(implementation = MarkReadResult.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "result", value = NotificationExamples.READ_RESULT)))
    public Response read(@Valid @NotNull MarkReadInput request) {
        return Response.ok(service.markRead(request)).build();
    }
}

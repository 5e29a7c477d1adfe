package id.terpadu.attachment;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import id.terpadu.attachment.AttachmentService.Created;
import id.terpadu.attachment.Uploads.UploadState;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.HttpDates;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.security.Role;

/**
 * Resumable uploads over tus 1.0 (core, creation, creation-with-upload, expiration, checksum with sha256,
 * termination), so that tus-js-client, TUSKit and tus-android-client work unchanged: a phone that loses its
 * connection asks where the upload stands (HEAD) and goes on from there, after a restart of the service too and on
 * another instance, since the state is in PostgreSQL. The attachment's fields travel in {@code Upload-Metadata}.
 */
@Path(UploadResource.PATH)
@Tag(name = "Attachments")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class UploadResource {

    static final String PATH = "/api/v1/uploads";

    private final AttachmentService service;
    private final Uploads uploads;
    private final UploadBodies bodies;

    UploadResource(AttachmentService service, Uploads uploads, UploadBodies bodies) {
        this.service = service;
        this.uploads = uploads;
        this.bodies = bodies;
    }

    static boolean owns(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @POST
    @Consumes({Tus.OFFSET_OCTET_STREAM, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Start a resumable upload (tus)",
            description = "tus creation: `Upload-Length` is the file's "
                    + "size, `Upload-Metadata` carries the attachment's fields as tus pairs of a key and its Base64 value: "
                    + "`parentType`, `parentId`, `kind`, `title` (required), `caption`, `filename`, `classification`, "
                    + "`personalData`, `capturedAt`, `captureLatitude`, `captureLongitude`, and `id` (a client-chosen id: a "
                    + "retry of a creation that timed out finds its own upload: under way at its offset, or complete at its "
                    + "length with `Content-Location` of the attachment it became). A body of type "
                    + "`application/offset+octet-stream` is the first piece (creation-with-upload). The limits are those of "
                    + "GET /api/v1/attachments/limits. ADMIN, COORDINATOR or OFFICER who may write the record.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = Tus.OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "first-piece", value = AttachmentExamples.PIECE)))
    @APIResponse(
            responseCode = "201",
            description = "Started; Location is the upload's address, Upload-Offset how much "
                    + "of the first piece was kept",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 2048)),
                @Header(
                        name = Tus.UPLOAD_OFFSET,
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807")),
                @Header(name = Tus.UPLOAD_EXPIRES, schema = @Schema(type = SchemaType.STRING, maxLength = 40))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttachmentDtos.AttachmentResponse.class),
                            examples = @ExampleObject(name = "uploading", value = AttachmentExamples.UPLOADING)))
    public Response create(
            @BeanParam TusVersion tus,
            @Parameter(
                            description = "The file's size in bytes",
                            required = true,
                            example = "2483312",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$", maxLength = 19))
                    @HeaderParam(Tus.UPLOAD_LENGTH)
                    String length,
            @Parameter(
                            description = "Not supported: the size must be known at the start",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1))
                    @HeaderParam(Tus.UPLOAD_DEFER_LENGTH)
                    String deferLength,
            @Parameter(
                            description = "The attachment's fields: comma-separated `key base64(value)` pairs",
                            required = true,
                            example = AttachmentExamples.METADATA,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 8192))
                    @HeaderParam(Tus.UPLOAD_METADATA)
                    String metadata,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) @HeaderParam("Content-Length") String contentLength,
            @Context HttpServerRequest request)
            throws IOException {
        tus.require();
        long pieceLength = Tus.number("Content-Length", contentLength).orElse(-1L);
        boolean piece = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(Tus.OFFSET_OCTET_STREAM);
        if (!piece && contentType != null && pieceLength != 0) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Message.of("attachment.upload.piece-type", "type", Tus.OFFSET_OCTET_STREAM));
        }
        if (deferLength != null) {
            throw ProblemException.invalid(Tus.UPLOAD_DEFER_LENGTH, Message.of("attachment.upload.defer"));
        }
        long size = Tus.number(Tus.UPLOAD_LENGTH, length)
                .orElseThrow(
                        () -> ProblemException.invalid(Tus.UPLOAD_LENGTH, Message.of("attachment.field.required")));
        AttachmentInput input = AttachmentInput.parse(Tus.metadata(metadata), null);
        Created created = service.create(input, size);
        UUID id = created.upload();
        // a repeated creation may find its upload complete: at its length, as the attachment it became
        long offset = created.attachment().upload() == null
                ? size
                : created.attachment().upload().offset();
        UploadState state = null;
        if (piece && pieceLength != 0 && created.isNew()) {
            state = uploads.append(id, 0, pieceLength, bodies.open(request), Optional.empty());
        } else if (size == 0 && created.isNew()) {
            state = uploads.finish(id);
        }
        Response.ResponseBuilder answer = Response.created(URI.create(PATH + "/" + id))
                .header(Tus.UPLOAD_OFFSET, state == null ? offset : state.offset());
        UUID became = state != null
                ? state.attachment()
                : created.attachment().status() == AttachmentStatus.AVAILABLE
                        ? created.attachment().id()
                        : null;
        if (became != null) {
            answer.header("Content-Location", AttachmentResource.PATH + "/" + became);
        }
        var expires = state == null
                ? created.attachment().upload() == null
                        ? null
                        : created.attachment().upload().expiresAt()
                : state.expiresAt();
        if (expires != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(expires));
        }
        AttachmentDtos.AttachmentResponse attachment =
                state == null ? created.attachment() : service.get(state.sameAs() != null ? state.sameAs() : id);
        return answer.entity(attachment)
                .tag(ETags.of(attachment))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @jakarta.ws.rs.GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The attachment of an upload",
            description = "The attachment this upload makes, with its "
                    + "ETag: its status, and while UPLOADING how much has arrived and until when it may go on. An upload "
                    + "whose bytes were already attached to the record answers, until it would have expired, with the "
                    + "attachment that holds them (its address in `Content-Location`).")
    @APIResponse(
            responseCode = "200",
            description = "The attachment",
            content =
                    @Content(
                            schema = @Schema(implementation = AttachmentDtos.AttachmentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "uploading", value = AttachmentExamples.UPLOADING)))
    public Response attachment(@Parameter(example = AttachmentExamples.UPLOAD_ID) @PathParam("id") UUID id) {
        Optional<UUID> became = uploads.became(id);
        if (became.isEmpty()) {
            return Answers.ok(service.get(id));
        }
        AttachmentDtos.AttachmentResponse attachment;
        try {
            attachment = service.get(became.get());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw ProblemException.notFound(Message.of("attachment.not-found", "id", id));
            }
            throw e;
        }
        return Response.fromResponse(Answers.ok(attachment))
                .header("Content-Location", AttachmentResource.PATH + "/" + attachment.id())
                .build();
    }

    @HEAD
    @Path("{id}")
    @Operation(
            summary = "Where an upload stands (tus)",
            description = "tus HEAD: `Upload-Offset` is how much has "
                    + "arrived, `Upload-Length` the size, `Upload-Expires` when an unfinished upload is removed. A piece "
                    + "still arriving (an earlier connection's) is counted first: stopped when you sent it, waited for "
                    + "otherwise (at most 5 s). A complete upload answers its length as its offset and `Content-Location` "
                    + "of the attachment it became; one whose bytes were already attached to the record became that "
                    + "attachment and answers so until it would have expired. 415 for a complete upload whose file "
                    + "was refused (its attachment, REJECTED, says why: GET the upload's address); 410 once expired; "
                    + "404 for an upload you may not see.")
    @APIResponse(
            responseCode = "204",
            description = "The upload's state, in headers",
            headers = {
                @Header(
                        name = Tus.UPLOAD_OFFSET,
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807")),
                @Header(
                        name = Tus.UPLOAD_LENGTH,
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807"))
            })
    @APIResponse(
            responseCode = "415",
            description = "The upload is complete but its file was refused (a HEAD answer has no body: GET the "
                    + "upload's address for the attachment, REJECTED, and its `rejection`)")
    public Response head(
            @Parameter(example = AttachmentExamples.UPLOAD_ID) @PathParam("id") UUID id, @BeanParam TusVersion tus) {
        tus.require();
        UploadState state = uploads.state(id);
        if (state.status() == AttachmentStatus.REJECTED) {
            // complete, but its file was refused: an offset equal to its length would tell a client that lost the
            // last PATCH's 415 that it succeeded
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, Message.of("attachment.upload.rejected", "id", id));
        }
        Response.ResponseBuilder answer = Response.noContent()
                .header(Tus.UPLOAD_OFFSET, state.offset())
                .header(Tus.UPLOAD_LENGTH, state.length());
        if (state.expiresAt() != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(state.expiresAt()));
        }
        if (state.attachment() != null) {
            answer.header("Content-Location", AttachmentResource.PATH + "/" + state.attachment());
        }
        return answer.build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(Tus.OFFSET_OCTET_STREAM)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Send the next piece of an upload (tus)",
            description = "tus PATCH: the body is appended at "
                    + "`Upload-Offset`, which must be where the upload stands (409 names it otherwise), after a piece "
                    + "you sent that is still arriving (an earlier connection's) is stopped and counted. With "
                    + "`Upload-Checksum: sha256 <base64>` a piece whose bytes do not match is refused whole (460); without, "
                    + "what arrived before a dropped connection is kept. After the last byte the file is checked: a type its "
                    + "kind does not take is 415 (the attachment becomes REJECTED); otherwise `Content-Location` is the "
                    + "attachment it became: its own, or the one that already held the same bytes on the record (the "
                    + "upload makes none of its own, and its address answers as complete until it would have expired).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Tus.OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "piece", value = AttachmentExamples.PIECE)))
    @APIResponse(
            responseCode = "204",
            description = "Appended; Upload-Offset is where it now stands",
            headers = {
                @Header(
                        name = Tus.UPLOAD_OFFSET,
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807"))
            })
    @APIResponse(
            responseCode = "460",
            description = "The piece does not match its Upload-Checksum; nothing of it kept",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "checksum", value = AttachmentExamples.CHECKSUM_PROBLEM)))
    public Response append(
            @Parameter(example = AttachmentExamples.UPLOAD_ID) @PathParam("id") UUID id,
            @BeanParam TusVersion tus,
            @Parameter(
                            description = "Where this piece starts; the upload's current offset",
                            required = true,
                            example = "0",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$", maxLength = 19))
                    @HeaderParam(Tus.UPLOAD_OFFSET)
                    String offset,
            @Parameter(
                            description = "`sha256` and the Base64 SHA-256 of this piece",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 60))
                    @HeaderParam(Tus.UPLOAD_CHECKSUM)
                    String checksum,
            @Parameter(hidden = true) @HeaderParam("Content-Length") String contentLength,
            @Context HttpServerRequest request)
            throws IOException {
        tus.require();
        long at = Tus.number(Tus.UPLOAD_OFFSET, offset)
                .orElseThrow(
                        () -> ProblemException.invalid(Tus.UPLOAD_OFFSET, Message.of("attachment.field.required")));
        Optional<byte[]> digest = Tus.checksum(checksum);
        UploadState state = uploads.append(
                id, at, Tus.number("Content-Length", contentLength).orElse(-1L), bodies.open(request), digest);
        Response.ResponseBuilder answer = Response.noContent().header(Tus.UPLOAD_OFFSET, state.offset());
        if (state.expiresAt() != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(state.expiresAt()));
        }
        if (state.attachment() != null) {
            answer.header("Content-Location", AttachmentResource.PATH + "/" + state.attachment());
        }
        return answer.build();
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Abandon an upload (tus termination)",
            description = "Ends an unfinished upload and removes "
                    + "what arrived; a finished one is removed through DELETE /api/v1/attachments/{id} (409 here).")
    @APIResponse(responseCode = "204", description = "Abandoned")
    public Response terminate(
            @Parameter(example = AttachmentExamples.UPLOAD_TO_ABANDON_ID) @PathParam("id") UUID id,
            @BeanParam TusVersion tus) {
        tus.require();
        uploads.terminate(id);
        return Response.noContent().build();
    }
}

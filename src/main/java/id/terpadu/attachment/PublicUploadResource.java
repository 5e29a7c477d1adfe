package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

import id.terpadu.attachment.AttachmentService.Created;
import id.terpadu.attachment.PublicPhotos.ReportPhoto;
import id.terpadu.attachment.Uploads.UploadState;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.HttpDates;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.intake.UploadKeys;

/**
 * Photos sent with a community report, without a token: in one request (a web form), or resumably over tus 1.0 (a
 * phone's tus client), each request carrying the report's upload key in {@code Report-Key}. Open to the public web
 * forms' origins ({@code terpadu.cors.public-origins}), as the report itself.
 */
@Path(PublicUploadResource.PATH)
@Tag(name = "Public reports")
@PermitAll
@SecurityRequirements
public class PublicUploadResource {

    static final String PATH = "/api/v1/public";
    /** The tus uploads of reporters' photos. */
    static final String UPLOADS = PATH + "/uploads";

    private static final String KEY_DESCRIPTION =
            "The report's upload key (uploadKey of the answer to POST /api/v1/public/reports)";

    private final PublicPhotos photos;
    private final Uploads uploads;
    private final UploadBodies bodies;

    PublicUploadResource(PublicPhotos photos, Uploads uploads, UploadBodies bodies) {
        this.photos = photos;
        this.uploads = uploads;
        this.bodies = bodies;
    }

    static boolean owns(String path) {
        return path.equals(UPLOADS) || path.startsWith(UPLOADS + "/");
    }

    @POST
    @Path("reports/{trackingCode}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(
            summary = "Send a photo with a report",
            description = "No token: the report's upload key in `Report-Key` (404 when missing, wrong or another "
                    + "report's, as for an unknown report; 410 once expired; 409 once the report is triaged or has all its photos). A form with "
                    + "the photo (`file`) and optionally `caption`. Images only (JPEG, PNG, WebP, HEIC, detected from the "
                    + "bytes: anything else is 415), within the photo limit and the report's bytes left (413); nothing "
                    + "is written for a refused one. Where the photo was taken (EXIF GPS) is neither kept nor served. "
                    + "The same photo twice answers 200 with the first.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = PhotoForm.class),
                            examples = @ExampleObject(name = "photo", value = AttachmentExamples.PUBLIC_FORM)))
    @APIResponse(
            responseCode = "201",
            description = "Received",
            content =
                    @Content(
                            schema = @Schema(implementation = ReportPhoto.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "photo", value = AttachmentExamples.REPORT_PHOTO)))
    @APIResponse(
            responseCode = "200",
            description = "The same photo was already received: that one",
            content =
                    @Content(
                            schema = @Schema(implementation = ReportPhoto.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "photo", value = AttachmentExamples.REPORT_PHOTO)))
    public Response photo(
            @Parameter(
                            description = "The report's tracking code",
                            example = "K7QM-4XPD-R2",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 32))
                    @PathParam("trackingCode")
                    String trackingCode,
            @Parameter(
                            description = KEY_DESCRIPTION,
                            required = true,
                            example = AttachmentExamples.REPORT_KEY,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam(UploadKeys.HEADER)
                    String key,
            MultipartFormDataInput form)
            throws IOException {
        photos.check(trackingCode, key);
        Map<String, String> fields = new HashMap<>();
        FormValue file = null;
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            if (part.getValue().size() != 1) {
                throw ProblemException.invalid(part.getKey(), Message.of("attachment.field.once"));
            }
            FormValue value = part.getValue().iterator().next();
            if (part.getKey().equals("file")) {
                if (!value.isFileItem()) {
                    throw ProblemException.invalid("file", Message.of("attachment.field.file"));
                }
                file = value;
            } else if (value.isFileItem()) {
                throw ProblemException.invalid(part.getKey(), Message.of("attachment.field.text"));
            } else {
                fields.put(part.getKey(), value.getValue());
            }
        }
        if (file == null) {
            throw ProblemException.invalid("file", Message.of("attachment.field.required"));
        }
        String fileName = file.getFileName();
        java.nio.file.Path path =
                file.getFileItem().isInMemory() ? null : file.getFileItem().getFile();
        java.nio.file.Path copy = null;
        try {
            if (path == null) {
                copy = Files.createTempFile("terpadu-form-", ".bin");
                try (InputStream in = file.getFileItem().getInputStream()) {
                    Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                path = copy;
            }
            Created created = uploads.simple(
                    AttachmentKind.FOTO,
                    path,
                    () -> {
                        var grant = photos.grant(trackingCode, key, false);
                        photos.input(grant, fields, fileName);
                        return grant.reportId();
                    },
                    size -> photos.create(null, trackingCode, key, fields, fileName, size),
                    photos.access(key),
                    photos::view);
            ReportPhoto photo = ReportPhoto.of(created.attachment());
            return Response.status(created.isNew() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(photo)
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** The form of a photo, for the document (and Swagger UI's file picker). */
    @Schema(
            name = "ReportPhotoForm",
            requiredProperties = {"file"})
    static class PhotoForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "The photo", maxLength = 8388608)
        public String file;

        @Schema(maxLength = 2000, example = "Diambil dari seberang jalan")
        public String caption;
    }

    @POST
    @Path("uploads")
    @Consumes({Tus.OFFSET_OCTET_STREAM, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(
            summary = "Start a resumable upload of a photo with a report (tus)",
            description = "No token: the report's upload key in `Report-Key` on this and every later request of the "
                    + "upload. tus creation: `Upload-Length` is the photo's size; `Upload-Metadata` may carry "
                    + "`filename`, `filetype` (ignored: the type is read from the bytes) and `caption`. A body of type "
                    + "`application/offset+octet-stream` is the first piece. The limits and refusals are those of POST "
                    + "/api/v1/public/reports/{trackingCode}/photos; a file that turns out not to be an image is 415 "
                    + "after its last byte, and is not kept.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = Tus.OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "first-piece", value = AttachmentExamples.PIECE)))
    @APIResponse(
            responseCode = "201",
            description = "Started; Location is the upload's address",
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
                            schema = @Schema(implementation = ReportPhoto.class),
                            examples = @ExampleObject(name = "uploading", value = AttachmentExamples.REPORT_UPLOADING)))
    public Response create(
            @BeanParam TusVersion tus,
            @Parameter(
                            description = KEY_DESCRIPTION,
                            required = true,
                            example = AttachmentExamples.REPORT_KEY,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam(UploadKeys.HEADER)
                    String key,
            @Parameter(
                            description = "The photo's size in bytes",
                            required = true,
                            example = "48213",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$", maxLength = 19))
                    @HeaderParam(Tus.UPLOAD_LENGTH)
                    String length,
            @Parameter(
                            description = "Not supported: the size must be known at the start",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1))
                    @HeaderParam(Tus.UPLOAD_DEFER_LENGTH)
                    String deferLength,
            @Parameter(
                            description = "The photo's fields: comma-separated `key base64(value)` pairs",
                            example = AttachmentExamples.PUBLIC_METADATA,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 8192))
                    @HeaderParam(Tus.UPLOAD_METADATA)
                    String metadata,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) @HeaderParam("Content-Length") String contentLength,
            @Context HttpServerRequest request)
            throws IOException {
        tus.require();
        long pieceLength = Tus.number("Content-Length", contentLength).orElse(-1L);
        boolean piece =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(Tus.OFFSET_OCTET_STREAM);
        if (!piece && contentType != null && pieceLength > 0) {
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
        Map<String, String> fields = metadata == null || metadata.isBlank() ? Map.of() : Tus.metadata(metadata);
        Created created = photos.create(null, null, key, fields, null, size);
        UUID id = created.attachment().id();
        UploadState state = null;
        if (piece && pieceLength != 0) {
            state = uploads.append(photos.access(key), id, 0, pieceLength, bodies.open(request), Optional.empty());
        } else if (size == 0) {
            state = uploads.finish(id);
        }
        Response.ResponseBuilder answer = Response.created(URI.create(UPLOADS + "/" + id))
                .header(Tus.UPLOAD_OFFSET, state == null ? 0 : state.offset());
        var expires = state == null ? created.attachment().upload().expiresAt() : state.expiresAt();
        if (expires != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(expires));
        }
        UUID shown = state != null && state.sameAs() != null ? state.sameAs() : id;
        ReportPhoto photo = ReportPhoto.of(
                state == null
                        ? created.attachment()
                        : QuarkusTransaction.requiringNew().call(() -> photos.view(shown)));
        return answer.entity(photo).type(MediaType.APPLICATION_JSON).build();
    }

    @HEAD
    @Path("uploads/{id}")
    @Operation(
            summary = "Where an upload of a photo stands (tus)",
            description =
                    "tus HEAD, with the report's upload key: `Upload-Offset` is how much has arrived, "
                            + "`Upload-Length` the size, after a piece still arriving (an earlier connection's) is stopped and "
                            + "counted. A complete photo answers its length as its offset, also one that was the same as a photo "
                            + "already received (until it would have expired). 404 for an upload that is not the key's report's.")
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
    public Response head(
            @Parameter(example = AttachmentExamples.REPORT_UPLOAD_ID) @PathParam("id") UUID id,
            @Parameter(
                            description = KEY_DESCRIPTION,
                            required = true,
                            example = AttachmentExamples.REPORT_KEY,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam(UploadKeys.HEADER)
                    String key,
            @BeanParam TusVersion tus) {
        tus.require();
        Uploads.Access access = photos.access(key);
        UploadState state = uploads.settled(access::writable, id, access.who());
        Response.ResponseBuilder answer = Response.noContent()
                .header(Tus.UPLOAD_OFFSET, state.offset())
                .header(Tus.UPLOAD_LENGTH, state.length());
        if (state.expiresAt() != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(state.expiresAt()));
        }
        return answer.build();
    }

    @PATCH
    @Path("uploads/{id}")
    @Consumes(Tus.OFFSET_OCTET_STREAM)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Send the next piece of a photo (tus)",
            description = "tus PATCH, with the report's upload key: the body is appended at `Upload-Offset`. After "
                    + "the last byte the photo is checked: anything but an image is 415 and is not kept.")
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
    public Response append(
            @Parameter(example = AttachmentExamples.REPORT_UPLOAD_ID) @PathParam("id") UUID id,
            @Parameter(
                            description = KEY_DESCRIPTION,
                            required = true,
                            example = AttachmentExamples.REPORT_KEY,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam(UploadKeys.HEADER)
                    String key,
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
                photos.access(key),
                id,
                at,
                Tus.number("Content-Length", contentLength).orElse(-1L),
                bodies.open(request),
                digest);
        Response.ResponseBuilder answer = Response.noContent().header(Tus.UPLOAD_OFFSET, state.offset());
        if (state.expiresAt() != null) {
            answer.header(Tus.UPLOAD_EXPIRES, HttpDates.format(state.expiresAt()));
        }
        return answer.build();
    }

    @DELETE
    @Path("uploads/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Abandon an upload of a photo (tus termination)",
            description = "With the report's upload key: ends an unfinished upload and removes what arrived; a "
                    + "received photo stays (409).")
    @APIResponse(responseCode = "204", description = "Abandoned")
    public Response terminate(
            @Parameter(example = AttachmentExamples.REPORT_UPLOAD_TO_ABANDON_ID) @PathParam("id") UUID id,
            @Parameter(
                            description = KEY_DESCRIPTION,
                            required = true,
                            example = AttachmentExamples.REPORT_KEY,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam(UploadKeys.HEADER)
                    String key,
            @BeanParam TusVersion tus) {
        tus.require();
        uploads.terminate(photos.access(key), id);
        return Response.noContent().build();
    }
}

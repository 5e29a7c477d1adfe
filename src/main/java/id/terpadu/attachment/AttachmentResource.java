package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

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
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import id.terpadu.attachment.AttachmentDtos.AttachmentResponse;
import id.terpadu.attachment.AttachmentService.Created;
import id.terpadu.attachment.AttachmentService.Download;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Params;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

/**
 * Attachments of incidents, early warnings, activities, meetings, teams, conflict statuses, progress reports,
 * neutrality cases and community reports (whose photos their reporters send through {@link PublicUploadResource}): their list, their fields, their bytes (ranges, conditional, never at a guessable public address)
 * and a file sent in one request. Larger files and phones on bad networks use {@link UploadResource} (tus).
 */
@Path(AttachmentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Attachments",
        description = "Photos, videos, recordings and documents kept with a record: sent in one "
                + "request or resumably (tus), served without their metadata, seen by those who see their record")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class AttachmentResource {

    static final String PATH = "/api/v1/attachments";
    /** Allowed to show in a browser tab: images, whose bytes were cleaned and which run nothing. */
    private static final String IMAGE = "image/";

    private static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final AttachmentService service;
    private final Uploads uploads;

    AttachmentResource(AttachmentService service, Uploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    @GET
    @Operation(
            summary = "List the attachments of a record",
            description = "The attachments of one record you may "
                    + "see, oldest first, leaving out those above your clearance. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of attachments",
            content =
                    @Content(
                            schema = @Schema(ref = "AttachmentPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = AttachmentExamples.PAGE)))
    public Response list(
            @Parameter(
                            description = "The kind of record",
                            required = true,
                            example = "incident",
                            schema = @Schema(implementation = ParentType.class))
                    @QueryParam("parentType")
                    String parentType,
            @Parameter(
                            description = "The record's id",
                            required = true,
                            example = AttachmentExamples.INCIDENT_ID,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @QueryParam("parentId")
                    String parentId,
            @BeanParam PageParams page) {
        var request = page.request();
        ParentType type = ParentType.of(parentType);
        if (type == null) {
            throw ProblemException.invalid(
                    "parentType", Message.of("params.enum", "allowed", ParentType.names()), ParentType.names());
        }
        UUID id = Params.uuid(parentId, "parentId");
        if (id == null) {
            throw ProblemException.invalid("parentId", Message.of("attachment.field.required"));
        }
        return page.ok(service.list(type, id, request));
    }

    @GET
    @Path("limits")
    @Operation(
            summary = "What may be attached",
            description = "The largest file of each kind, the largest sent in "
                    + "one request, the attachments a record may have, the bytes an agency may upload per day, how long an "
                    + "unfinished upload is kept, and the media types each kind accepts (detected from the bytes).")
    @APIResponse(
            responseCode = "200",
            description = "The limits",
            content =
                    @Content(
                            schema = @Schema(implementation = AttachmentService.Limits.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "limits", value = AttachmentExamples.LIMITS)))
    public AttachmentService.Limits limits() {
        return service.limits();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Attach a file sent in one request",
            description = "A form with the file (`file`) and the "
                    + "attachment's fields: `parentType`, `parentId`, `kind`, `title` (required), `caption`, `classification` "
                    + "(at least the record's; default the record's), `personalData`, `capturedAt`, `captureLatitude`, "
                    + "`captureLongitude`, `id`. The type is detected from the bytes and checked against the kind (415 naming "
                    + "the accepted types); a file above its kind's limit is 413; the same bytes already on the record answer "
                    + "200 with that attachment. Up to `maxSimpleSize` (GET /api/v1/attachments/limits); larger files go "
                    + "through /api/v1/uploads (tus). ADMIN, COORDINATOR or OFFICER who may write the record.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = SimpleUploadForm.class),
                            examples = @ExampleObject(name = "foto", value = AttachmentExamples.FORM)))
    @APIResponse(
            responseCode = "201",
            description = "Attached; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = AttachmentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "attachment", value = AttachmentExamples.ATTACHMENT)))
    @APIResponse(
            responseCode = "200",
            description = "The same bytes were already attached to the record: that " + "attachment",
            content =
                    @Content(
                            schema = @Schema(implementation = AttachmentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "attachment", value = AttachmentExamples.ATTACHMENT)))
    public Response attach(MultipartFormDataInput form, @Context UriInfo uri) throws IOException {
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
        AttachmentInput input = AttachmentInput.parse(fields, file.getFileName());
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
            Created created = uploads.simple(input, path);
            return created.isNew() ? Answers.created(uri, created.attachment()) : Answers.ok(created.attachment());
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** The form of a file sent in one request, for the document (and Swagger UI's file picker). */
    @Schema(
            name = "AttachmentForm",
            requiredProperties = {"file", "parentType", "parentId", "kind", "title"})
    static class SimpleUploadForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "The file", maxLength = 8388608)
        public String file;

        @Schema(
                enumeration = {
                    "incident",
                    "early-warning",
                    "incident-activity",
                    "meeting",
                    "team",
                    "conflict-status",
                    "action-plan-report",
                    "neutrality-case"
                },
                example = "incident")
        public String parentType;

        @Schema(format = "uuid", example = AttachmentExamples.INCIDENT_ID)
        public String parentId;

        @Schema(
                enumeration = {
                    "FOTO",
                    "VIDEO",
                    "AUDIO",
                    "TANGKAPAN_LAYAR",
                    "DOKUMEN",
                    "SK",
                    "NOTULEN",
                    "DAFTAR_HADIR",
                    "SURAT",
                    "KAJIAN"
                },
                description = "Reference kind attachment-kinds",
                example = "FOTO")
        public String kind;

        @Schema(maxLength = 200, example = "Rumah warga terbakar")
        public String title;

        @Schema(maxLength = 2000, example = "Diambil pagi hari setelah bentrokan")
        public String caption;

        @Schema(
                enumeration = {"PUBLIC", "RESTRICTED", "CONFIDENTIAL"},
                example = "RESTRICTED",
                description = "At least the record's; the record's when absent")
        public String classification;

        @Schema(
                enumeration = {"true", "false"},
                example = "false")
        public String personalData;

        @Schema(
                format = "date-time",
                example = "2024-10-12T09:35:00Z",
                description = "When it was taken; at most 5 minutes ahead of the service's clock (400 further ahead)")
        public String capturedAt;

        @Schema(example = "-0.6264", maxLength = 17, pattern = "^[+-]?[0-9]{1,3}(\\.[0-9]{1,12})?$")
        public String captureLatitude;

        @Schema(example = "100.1179", maxLength = 17, pattern = "^[+-]?[0-9]{1,3}(\\.[0-9]{1,12})?$")
        public String captureLongitude;

        @Schema(
                format = "uuid",
                description = "A client-chosen id, for a retry that must not attach twice; leave it empty (Swagger UI "
                        + "fills in a sample: clear it) to have one chosen")
        public String id;
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get an attachment",
            description =
                    "Its fields with its ETag; If-None-Match gives 304. Where "
                            + "and when it was taken only for those who may read the personal data of the uploading agency's records.")
    @APIResponse(
            responseCode = "200",
            description = "The attachment",
            content =
                    @Content(
                            schema = @Schema(implementation = AttachmentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "attachment", value = AttachmentExamples.ATTACHMENT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(
            @Parameter(example = AttachmentExamples.ATTACHMENT_ID) @PathParam("id") UUID id, @Context Request request) {
        AttachmentResponse attachment = service.get(id);
        return ETags.conditionalGet(request, attachment);
    }

    @GET
    @Path("{id}/content")
    @Produces({MediaType.WILDCARD})
    @Operation(
            summary = "Download an attachment",
            description = "The bytes as served: images without their "
                    + "metadata. The ETag is the SHA-256 of these bytes (the attachment's contentSha256, not its sha256, "
                    + "which is the upload's) and Content-Length their size (the attachment's size); If-None-Match gives "
                    + "304. One `Range` gives 206 (416 past the end); with `If-Range` only while it is the current ETag "
                    + "(a strong one): another tag, a weak one or a date is answered 200 with the whole file. Sent as a download (`inline=true` shows an image in the browser), with "
                    + "`nosniff` and a sandboxing Content-Security-Policy. Large files kept in object storage may be a 307 "
                    + "to a short-lived signed address. An attachment showing personal data: 403 unless you may read the "
                    + "record's personal data, and your download is recorded in the access log.")
    @APIResponse(
            responseCode = "200",
            description = "The bytes",
            content =
                    @Content(
                            mediaType = "*/*",
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 1073741824),
                            examples = @ExampleObject(name = "bytes", value = AttachmentExamples.BYTES)),
            headers = {
                @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING, maxLength = 1024)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = 80))
            })
    @APIResponse(
            responseCode = "206",
            description = "The range asked for",
            content =
                    @Content(
                            mediaType = "*/*",
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 1073741824),
                            examples = @ExampleObject(name = "bytes", value = AttachmentExamples.BYTES)),
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING, maxLength = 80)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(
            responseCode = "307",
            description = "Fetch it from this signed address (valid a few minutes)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 4096)))
    @APIResponse(
            responseCode = "416",
            description = "The range starts past the end",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "past-the-end", value = AttachmentExamples.RANGE_PROBLEM)))
    public Response content(
            @Parameter(example = AttachmentExamples.ATTACHMENT_ID) @PathParam("id") UUID id,
            @Parameter(
                            description = "One byte range",
                            example = "bytes=0-1023",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam("Range")
                    String range,
            @Parameter(
                            description = "The ETag of the copy a Range continues: the Range holds only while it is "
                                    + "the current one, otherwise the whole file is sent (RFC 9110 §13.1.5)",
                            example = "\"4c1e8a0f2b7d9e3c5a6f8b0d2e4c6a8f0b2d4e6c8a0f2b4d6e8c0a2f4b6d8e0c\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam("If-Range")
                    String ifRange,
            @Parameter(
                            description = "Show an image in the browser instead of downloading it",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("inline")
                    String inline,
            @Context Request request) {
        boolean showInline = Boolean.TRUE.equals(Params.bool(inline, "inline"));
        Download download = service.content(id);
        return serve(download, ifRangeHolds(ifRange, download.etag()) ? range : null, showInline, request);
    }

    /**
     * Whether a Range may be served (RFC 9110 §13.1.5): without {@code If-Range}, or when it is the current ETag by
     * the strong comparison. A weak tag never matches, and neither does a date, since a download sends no
     * Last-Modified: the Range is then ignored and the whole file sent, so that a client resuming a download of an
     * older copy does not splice two of them.
     */
    static boolean ifRangeHolds(String ifRange, String etag) {
        return ifRange == null || ifRange.strip().equals(etag);
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces({"image/jpeg", MediaType.WILDCARD})
    @Operation(
            summary = "A small preview of an image",
            description = "A JPEG of at most 320 px, made from the cleaned "
                    + "copy shortly after the upload; 404 until made, and for files that are not JPEG or PNG images.")
    @APIResponse(
            responseCode = "200",
            description = "The preview",
            content =
                    @Content(
                            mediaType = "image/jpeg",
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760),
                            examples = @ExampleObject(name = "bytes", value = AttachmentExamples.BYTES)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response thumbnail(
            @Parameter(example = AttachmentExamples.ATTACHMENT_ID) @PathParam("id") UUID id, @Context Request request) {
        return serve(service.thumbnail(id), null, true, request);
    }

    private Response serve(Download download, String range, boolean inline, Request request) {
        jakarta.ws.rs.core.EntityTag tag =
                new jakarta.ws.rs.core.EntityTag(download.etag().replace("\"", ""));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        String name = download.attachment().fileName();
        boolean showInline = inline && download.mediaType().startsWith(IMAGE);
        String disposition =
                (showInline ? "inline" : "attachment") + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        if (range == null) {
            Optional<java.net.URI> signed = service.redirect(download, disposition);
            if (signed.isPresent()) {
                return Response.temporaryRedirect(signed.get()).build();
            }
        }
        long size = download.size();
        Optional<ByteRange> part = ByteRange.parse(range, size);
        long offset = part.map(ByteRange::first).orElse(0L);
        long length = part.map(ByteRange::length).orElse(size);
        StreamingOutput body = out -> copy(download, offset, length, out);
        Response.ResponseBuilder answer = (part.isPresent()
                        ? Response.status(206)
                                .header("Content-Range", part.get().contentRange(size))
                        : Response.ok())
                .entity(body)
                .type(download.mediaType())
                .tag(tag)
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Cache-Control", "private, no-cache");
        return answer.build();
    }

    private void copy(Download download, long offset, long length, OutputStream out) throws IOException {
        try (InputStream in = service.open(download, offset, length)) {
            in.transferTo(out);
        }
    }

    /** The file name for old clients that read only {@code filename=}: ASCII, no quotes. */
    private static String ascii(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return b.toString();
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Remove an attachment",
            description = "Removes it and its bytes; the change log keeps a "
                    + "tombstone. If-Match is required. ADMIN or COORDINATOR who may write the record, or an OFFICER of the "
                    + "uploading agency.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(
            @Parameter(example = AttachmentExamples.ATTACHMENT_TO_DELETE_ID) @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "History of an attachment",
            description = "Its changes, oldest first (never its bytes or where " + "it was taken). Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response history(
            @Parameter(example = AttachmentExamples.ATTACHMENT_ID) @PathParam("id") UUID id,
            @BeanParam PageParams page) {
        return page.ok(service.history(id, page.request()));
    }
}

package id.terpadu.reference;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Languages;
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Params;
import id.terpadu.common.paging.Page;
import id.terpadu.common.security.Role;

@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Codes with Indonesian and English labels, description and legal basis")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class ReferenceResource {

    private final ReferenceService service;
    private final ObjectMapper mapper;

    ReferenceResource(ReferenceService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GET
    @Operation(
            summary = "List the reference kinds",
            description =
                    "The kinds of reference data this API serves, e.g. `conflict-categories` or `activity-types`. "
                            + "The list is fixed by the schema and always fits one page.")
    @APIResponse(
            responseCode = "200",
            description = "The kinds",
            content =
                    @Content(
                            schema = @Schema(ref = "ReferenceKindPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "kinds", value = ReferenceExamples.KINDS)))
    public Page<ReferenceKind> kinds() {
        return new Page<>(ReferenceKind.ALL, null);
    }

    @GET
    @Path("{kind}")
    @Operation(
            summary = "List the codes of one reference kind",
            description = "Every code of the kind in its display order, with labels in Indonesian and English "
                    + "(`displayLabel` follows Accept-Language), description, legal basis and parent. Bounded by the "
                    + "schema, so one page holds all. Answers carry an ETag; send it in If-None-Match to get a 304.")
    @APIResponse(
            responseCode = "200",
            description = "The codes",
            content =
                    @Content(
                            schema = @Schema(ref = "ReferenceItemPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(name = "activity-types", value = ReferenceExamples.ACTIVITY_TYPES)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response items(
            @Parameter(
                            description = "Reference kind",
                            example = "activity-types",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.WORD_LIST_LENGTH,
                                            pattern = Params.WORD_LIST))
                    @PathParam("kind")
                    String kind,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @jakarta.ws.rs.core.Context Request request)
            throws Exception {
        String language = Languages.pick(acceptLanguage);
        List<ReferenceItem> items = service.items(kind, language);
        Page<ReferenceItem> page = new Page<>(items, null);
        return Response.fromResponse(
                        ETags.conditionalGet(request, ETags.ofContent(mapper.writeValueAsBytes(page)), page))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}

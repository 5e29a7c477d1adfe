package id.terpadu.dev;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.idempotency.Idempotent;

@Path("/api/v1/dev/demo-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Development")
public class DemoDataResource {

    private final DemoData demo;

    DemoDataResource(DemoData demo) {
        this.demo = demo;
    }

    @POST
    @PermitAll
    @Idempotent
    @Operation(
            summary = "Load the demo data set",
            description = "Creates, through this API, the agencies, teams and "
                    + "records in Sumatera Barat (13) and Kota Pariaman (13.77) that the examples of this document name, with "
                    + "the same ids, so that every example succeeds; what is already there is left alone (run it again at any "
                    + "time). Development mode loads it at the first start on a new database. Exists only while development "
                    + "tokens are on; in production this address answers 404. No body is needed.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT, description = "Ignored", maxProperties = 0),
                            examples = @ExampleObject(name = "none", value = DevExamples.NONE)))
    @APIResponse(
            responseCode = "200",
            description = "The set, and what this request created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DemoDtos.DemoDataResponse.class),
                            examples = @ExampleObject(name = "complete", value = DevExamples.COMPLETE)))
    public Response load() {
        // a Response, like every @Idempotent operation: the interceptor keeps and replays it
        return Response.ok(demo.load()).build();
    }
}

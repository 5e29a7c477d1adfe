package id.terpadu.riskindex;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

import id.terpadu.common.http.Params;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.security.Role;
import id.terpadu.common.validation.Constraints;
import id.terpadu.riskindex.RiskDtos.Computation;
import id.terpadu.riskindex.RiskDtos.ComputationInput;
import id.terpadu.riskindex.RiskDtos.History;
import id.terpadu.riskindex.RiskDtos.ModelInput;
import id.terpadu.riskindex.RiskDtos.ModelList;
import id.terpadu.riskindex.RiskDtos.ModelResponse;
import id.terpadu.riskindex.RiskDtos.Table;

@Path("/api/v1/risk-index")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Risk index",
        description = "A regional risk index per province and kabupaten/kota and month: models as versioned data, "
                + "scores computed from Terpadu's records or imported, an early warning when a region's band rises")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class RiskIndexResource {

    private final RiskIndexService service;

    RiskIndexResource(RiskIndexService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Risk index table",
            description = "The scores of one model version, region level and month for every region in your scope, "
                    + "keyed by Kemendagri code, for a choropleth joined to your own boundaries. Each score carries its "
                    + "inputs and provenance. A model's scores are as classified as the records behind them: a "
                    + "RESTRICTED model (TERPADU) is refused (403) to callers who may read PUBLIC records only.")
    @APIResponse(
            responseCode = "200",
            description = "The table",
            content =
                    @Content(
                            schema = @Schema(implementation = Table.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "kabkota", value = RiskExamples.TABLE)))
    public Table table(@BeanParam RiskIndexFilters.TableFilters filters) {
        return service.table(filters.model(), filters.version(), filters.level(), filters.period(), filters.region());
    }

    @GET
    @Path("regions/{code}")
    @Operation(
            summary = "A region's risk history",
            description = "The scores of a province or kabupaten/kota in one model version, newest month first: its "
                    + "trend. 404 for a region outside your scope.")
    @APIResponse(
            responseCode = "200",
            description = "The region's scores",
            content =
                    @Content(
                            schema = @Schema(implementation = History.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = RiskExamples.HISTORY)))
    public History history(
            @Parameter(
                            description = "Province or kabupaten/kota code",
                            example = "13.77",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.REGION_CODE_LENGTH,
                                            pattern = Constraints.REGION_CODE))
                    @PathParam("code")
                    String code,
            @BeanParam RiskIndexFilters filters) {
        return service.history(code, filters.model(), filters.version());
    }

    @GET
    @Path("models")
    @Operation(
            summary = "List risk index models",
            description = "Every model and version: its method, indicators with weights and caps, and bands per level.")
    @APIResponse(
            responseCode = "200",
            description = "The models, each code's newest version first",
            content =
                    @Content(
                            schema = @Schema(implementation = ModelList.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "models", value = RiskExamples.MODELS)))
    public ModelList models() {
        return new ModelList(service.models());
    }

    @GET
    @Path("models/{model}")
    @Operation(summary = "Get a risk index model", description = "A model's latest version, or the one asked for.")
    @APIResponse(
            responseCode = "200",
            description = "The model",
            content =
                    @Content(
                            schema = @Schema(implementation = ModelResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "terpadu", value = RiskExamples.COMPUTED_MODEL)))
    public ModelResponse model(
            @Parameter(
                            description = "Model code",
                            example = "TERPADU",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = RiskDtos.MODEL_CODE))
                    @PathParam("model")
                    String code,
            @BeanParam ModelVersion version) {
        return service.model(code, version.version());
    }

    @POST
    @Path("models")
    @RolesAllowed(Role.ADMIN_)
    @Idempotent
    @Operation(
            summary = "Define a risk index model",
            description = "A new model, or the next version of an existing code (earlier versions and their scores "
                    + "stay). COMPUTED models use the indicators the service computes; IMPORTED ones take a CSV per "
                    + "month. A national ADMIN's.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ikp", value = RiskExamples.MODEL_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Defined; Location names the version",
            content =
                    @Content(
                            schema = @Schema(implementation = ModelResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ikp", value = RiskExamples.MODEL)))
    public Response define(@Valid @NotNull ModelInput input) {
        ModelResponse model = service.define(input);
        return Response.created(URI.create("/api/v1/risk-index/models/" + model.code() + "?version=" + model.version()))
                .entity(model)
                .build();
    }

    @POST
    @Path("models/{model}/computations")
    @RolesAllowed(Role.ADMIN_)
    @Idempotent
    @Operation(
            summary = "Compute a model's scores",
            description = "Computes the latest version of a COMPUTED model for a month (default the current one, "
                    + "which the service also recomputes every day) for every province and kabupaten/kota, and raises "
                    + "an early warning (source INDEKS_RISIKO) for each region whose band rose above the previous "
                    + "month's. A national ADMIN's.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "terpadu", value = RiskExamples.COMPUTATION_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Computed",
            content =
                    @Content(
                            schema = @Schema(implementation = Computation.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "terpadu", value = RiskExamples.COMPUTATION)))
    public Response compute(
            @Parameter(
                            description = "Code of the COMPUTED model",
                            example = "TERPADU",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = RiskDtos.MODEL_CODE))
                    @PathParam("model")
                    String code,
            @Valid @NotNull ComputationInput input) {
        return Response.ok(service.compute(code, input)).build();
    }

    @POST
    @Path("models/{model}/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Role.ADMIN_)
    @Idempotent
    @Operation(
            summary = "Import an external index",
            description = "Takes the scores of an IMPORTED model for one month as a UTF-8 CSV with the header "
                    + "`kode,skor` and optional numeric columns kept as inputs. All or nothing: every line is checked "
                    + "(a province or kabupaten/kota code in force, once; a score 0-100) and the problem lists bad lines "
                    + "with their numbers. It replaces that month's earlier import, and raises an early warning for each "
                    + "region whose band rose. A national ADMIN's.")
    @RequestBody(
            content =
            // text/plain too: a CSV saved as .txt, or sent by a tool that names no CSV type
            {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = RiskExamples.CSV)),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        examples = @ExampleObject(name = "csv", value = RiskExamples.CSV))
            })
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content =
                    @Content(
                            schema = @Schema(implementation = Computation.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ikp", value = RiskExamples.IMPORTED)))
    public Response importCsv(
            @Parameter(
                            description = "Code of the IMPORTED model",
                            example = "IKP",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = RiskDtos.MODEL_CODE))
                    @PathParam("model")
                    String code,
            @Parameter(
                            description = "Model version (default its latest)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "9999"))
                    @QueryParam("version")
                    String version,
            @Parameter(
                            description = "The month the scores are for",
                            example = "2026-11",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = RiskDtos.PERIOD))
                    @QueryParam("period")
                    String period,
            String csv) {
        return Response.ok(service.importCsv(
                        code, Params.integer(version, "version", 1, 9999), period, csv == null ? "" : csv))
                .build();
    }
}

package id.terpadu.riskindex;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** Which version of a model ({@code @BeanParam}): its latest unless given. */
public class ModelVersion {

    @QueryParam("version")
    @Parameter(
            description = "Model version (default its latest)",
            example = "1",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "9999"))
    String version;

    Integer version() {
        return Params.integer(version, "version", 1, 9999);
    }
}

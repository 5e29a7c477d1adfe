package id.terpadu.apikey;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of the API-key list as sent ({@code @BeanParam ApiKeyFilters filters}), each documented with the type
 * its accessor enforces.
 */
public class ApiKeyFilters {

    @QueryParam("agencyId")
    @Parameter(
            description = "Only this agency's keys",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String agencyId;

    @QueryParam("active")
    @Parameter(
            description = "Only active (true) or revoked/expired (false) keys",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String active;

    UUID agencyId() {
        return Params.uuid(agencyId, "agencyId");
    }

    Boolean active() {
        return Params.bool(active, "active");
    }
}

package id.terpadu.account;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.security.Role;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the account list as sent ({@code @BeanParam AccountFilters filters}), each documented with the type
 * its accessor enforces.
 */
public class AccountFilters {

    /** The filters parsed. */
    record Query(UUID agencyId, Boolean active, Role role, String issuer, String q) {}

    @QueryParam("agencyId")
    @Parameter(
            description = "Only this agency's accounts",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String agencyId;

    @QueryParam("active")
    @Parameter(
            description = "Only active (true) or deactivated (false) accounts",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String active;

    @QueryParam("role")
    @Parameter(description = "Only accounts holding this role", schema = @Schema(implementation = Role.class))
    String role;

    @QueryParam("issuer")
    @Parameter(
            description = "Only accounts of this issuer, e.g. https://terpadu.local/dev",
            schema = @Schema(type = SchemaType.STRING, maxLength = 500, pattern = Constraints.ONE_LINE))
    String issuer;

    @QueryParam("q")
    @Parameter(
            description = "Words of the name, e.g. rahmat",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.TEXT_LENGTH, pattern = Constraints.ONE_LINE))
    String q;

    Query query() {
        return new Query(
                Params.uuid(agencyId, "agencyId"),
                Params.bool(active, "active"),
                Params.enumValue(Role.class, role, "role"),
                Params.text(issuer, "issuer", 500),
                Params.text(q, "q", Params.TEXT_LENGTH));
    }
}

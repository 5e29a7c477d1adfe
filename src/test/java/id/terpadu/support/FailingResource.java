package id.terpadu.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Exists only in the tests: fails the way a bug would, so the 500 answer can be checked, or the way a database that
 * went away does (the driver's connection failure, SQL state 08006), for the 503.
 */
@Path("/api/v1/test-only")
public class FailingResource {

    @GET
    @Path("failure")
    @PermitAll
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("org.postgresql.util.PSQLException: select secret from id.terpadu.Agency");
    }

    @GET
    @Path("database-down")
    @PermitAll
    @Operation(hidden = true)
    public String databaseDown() throws java.sql.SQLException {
        throw new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006");
    }
}

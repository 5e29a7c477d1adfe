package id.terpadu.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Exists only in the tests: fails the way a bug would, so the 500 answer can be checked. */
@Path("/api/v1/test-only/failure")
public class FailingResource {

    @GET
    @PermitAll
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("org.postgresql.util.PSQLException: select secret from id.terpadu.Agency");
    }
}

package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation the API documents, taken from the served OpenAPI document: without a token it is a 401, and
 * every write by a read-only role is a 403 — with problem+json and nothing written.
 */
@QuarkusTest
class AuthorizationSweepTest {

    record Operation(String method, String path) {
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(m -> !m.equals("parameters"))
                .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
        return operations;
    }

    static String concrete(String path) {
        return path.replaceAll("\\{(id|[a-z]+Id)}", UUID.randomUUID().toString())
                .replace("{code}", "19").replace("{kind}", "team-roles");
    }

    private static RequestSpecification bodyFor(RequestSpecification spec, Operation op) {
        if (op.path().endsWith("/import")) {
            return spec.contentType("text/csv").body("kode,nama\n19.05,Kabupaten Bangka Selatan\n");
        }
        return op.method().equals("POST") || op.method().equals("PUT") ? spec.contentType("application/json").body("{}") : spec;
    }

    @Test
    void everyOperationNeedsAToken() {
        TestData.ensureRegions();
        var before = Db.snapshot();
        int checked = 0;
        for (Operation op : operations()) {
            if (op.path().startsWith("/api/v1/dev/")) {
                continue;
            }
            var response = bodyFor(given(), op).header("If-Match", "\"0\"").request(op.method(), concrete(op.path()));
            assertThat(response.statusCode()).as(op.toString()).isEqualTo(401);
            assertThat(response.contentType()).as(op.toString()).startsWith("application/problem+json");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        Db.assertUnchanged(before);
    }

    /** The writes an OFFICER may make; every other write belongs to the secretariat (ADMIN, COORDINATOR). */
    static final List<Operation> OFFICER_WRITES = List.of(
            new Operation("POST", "/api/v1/incidents"),
            new Operation("PUT", "/api/v1/incidents/{id}"),
            new Operation("POST", "/api/v1/incidents/{id}/activities"),
            new Operation("POST", "/api/v1/incidents/{id}/tasks/{taskId}/transitions"),
            new Operation("POST", "/api/v1/early-warnings"),
            new Operation("PUT", "/api/v1/early-warnings/{id}"),
            new Operation("POST", "/api/v1/meetings/{id}/decisions/{decisionId}/follow-ups"),
            new Operation("POST", "/api/v1/neutrality-cases"),
            new Operation("PUT", "/api/v1/neutrality-cases/{id}"),
            new Operation("POST", "/api/v1/neutrality-cases/{id}/persons"),
            new Operation("POST", "/api/v1/neutrality-cases/{id}/transitions"));

    static boolean officerRefused(Operation op) {
        return !OFFICER_WRITES.contains(op);
    }

    @Test
    void readOnlyRolesCannotWrite() {
        TestData.ensureRegions();
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Bangka"), "KESBANGPOL", "19.01");
        var before = Db.snapshot();
        int checked = 0;
        for (String role : List.of("ANALYST", "INTEGRATION", "OFFICER")) {
            for (Operation op : operations()) {
                if (op.method().equals("GET") || op.path().startsWith("/api/v1/dev/")
                        || (role.equals("OFFICER") && !officerRefused(op))) {
                    continue;
                }
                String path = concrete(op.path()).replaceFirst("/agencies/[0-9a-f-]{36}", "/agencies/" + agency);
                var response = bodyFor(Tokens.as("sweep." + role, List.of(role), List.of()), op)
                        .header("If-Match", "\"0\"").request(op.method(), path);
                assertThat(response.statusCode()).as(role + " " + op).isEqualTo(403);
                assertThat(response.contentType()).as(role + " " + op).startsWith("application/problem+json");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        Db.assertUnchanged(before);
    }
}

package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * Every operation the API documents, taken from the served OpenAPI document: without a token it is a 401 with
 * problem+json and nothing written, but the public ones (below {@code /api/v1/public/}: a community report, its
 * challenge and its tracking), which need none. What each role may do is the matrix of {@link AuthorizationMatrixTest}.
 */
@QuarkusTest
class AuthorizationSweepTest {

    record Operation(String method, String path) {}

    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> !m.equals("parameters"))
                .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
        return operations;
    }

    static String concrete(String path) {
        return path.replaceAll("\\{(id|[a-z]+Id)}", UUID.randomUUID().toString())
                .replace("{code}", "19")
                .replace("{model}", "TIDAKADA")
                .replace("{trackingCode}", "K7QM-4XPD-R2")
                .replace("{kind}", "team-roles");
    }

    private static RequestSpecification bodyFor(RequestSpecification spec, Operation op) {
        if (op.path().endsWith("/import") || op.path().endsWith("/imports")) {
            return spec.contentType("text/csv").body("kode,nama\n19.05,Kabupaten Bangka Selatan\n");
        }
        RequestSpecification file = fileBody(spec, op);
        if (file != null) {
            return file;
        }
        if (op.method().equals("PATCH")) {
            return spec.contentType("application/merge-patch+json").body("{}");
        }
        return op.method().equals("POST") || op.method().equals("PUT")
                ? spec.contentType("application/json").body("{}")
                : spec;
    }

    /**
     * The body of an operation that takes a file rather than JSON, one that cannot pass validation: a form without the
     * attachment's fields, or a tus request for one byte without metadata. Null for every other operation.
     */
    static RequestSpecification fileBody(RequestSpecification spec, Operation op) {
        if (op.path().equals("/api/v1/attachments") && op.method().equals("POST")) {
            return spec.multiPart("file", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8})
                    .multiPart("kind", "FOTO");
        }
        if (op.path().endsWith("/photos") && op.method().equals("POST")) {
            return spec.contentType("multipart/form-data")
                    .multiPart("file", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        }
        if (op.path().startsWith("/api/v1/uploads") || op.path().startsWith("/api/v1/public/uploads")) {
            return spec.header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", "1")
                    .header("Upload-Offset", "0")
                    .contentType("application/offset+octet-stream")
                    .body(new byte[] {1});
        }
        return null;
    }

    @Test
    void everyOperationNeedsAToken() {
        TestData.ensureRegions();
        var before = Db.snapshot();
        int checked = 0;
        int open = 0;
        for (Operation op : operations()) {
            if (op.path().startsWith("/api/v1/dev/")) {
                continue;
            }
            if (op.path().startsWith("/api/v1/public/")) {
                // open to everyone: past authentication (a report without its proof of work is a 400, no write)
                var response = bodyFor(given(), op).request(op.method(), concrete(op.path()));
                assertThat(response.statusCode()).as(op.toString()).isNotIn(401, 403);
                open++;
                continue;
            }
            var response = bodyFor(given(), op).header("If-Match", "\"0\"").request(op.method(), concrete(op.path()));
            assertThat(response.statusCode()).as(op.toString()).isEqualTo(401);
            assertThat(response.contentType()).as(op.toString()).startsWith("application/problem+json");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        // the challenge, the report, its tracking, and its photos (one request; tus: create, HEAD, PATCH, DELETE)
        assertThat(open).isEqualTo(8);
        Db.assertUnchanged(before);
    }
}

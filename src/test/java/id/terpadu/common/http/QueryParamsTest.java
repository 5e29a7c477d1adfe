package id.terpadu.common.http;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.support.Db;
import id.terpadu.support.fuzz.OpenApi;

/**
 * A query parameter an operation does not take is a 400 naming it, with the ones it takes in {@code allowed}: exactly
 * the query parameters the document lists for it. Ignored, a misspelt filter answered the unfiltered list.
 */
@QuarkusTest
class QueryParamsTest {

    @Test
    void everyOperationRefusesAnUnknownQueryParameterAndListsTheDocumentedOnes() throws Exception {
        List<OpenApi.Operation> operations = OpenApi.read(Path.of("openapi.yaml")).operations().stream()
                .filter(op -> op.path().startsWith("/api/"))
                .toList();
        assertThat(operations).hasSizeGreaterThan(150);
        Map<String, String> before = Db.snapshot();
        List<String> wrong = new ArrayList<>();
        for (OpenApi.Operation op : operations) {
            List<String> documented = List.copyOf(new TreeSet<>(op.params().stream()
                    .filter(p -> p.in().equals("query"))
                    .map(OpenApi.Param::name)
                    .toList()));
            String url = op.path()
                    .replaceAll("\\{([^}]+)}", "%s")
                    .formatted(java.util.regex.Pattern.compile("\\{([^}]+)}")
                            .matcher(op.path())
                            .results()
                            .map(m -> AllowTest.sample(m.group(1)))
                            .toArray());
            // tus's version met, so that its own precondition does not answer first
            var request = admin().header("Tus-Resumable", "1.0.0").queryParam("regoin", "13");
            if (op.bodyType() != null) {
                // a body of the type it takes, so that the type is not what it refuses
                request = request.contentType(op.bodyType())
                        .body("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            Response refusal = request.request(op.method(), url);
            if (op.method().equals("HEAD")) {
                // no body to name anything in
                if (refusal.statusCode() != 400) {
                    wrong.add(op.key() + " -> " + refusal.statusCode());
                }
                continue;
            }
            if (refusal.statusCode() != 400
                    || !String.valueOf(refusal.contentType()).startsWith("application/problem+json")) {
                wrong.add(op.key() + " -> " + refusal.statusCode() + " " + refusal.contentType());
                continue;
            }
            List<String> allowed = refusal.jsonPath().getList("allowed");
            allowed = allowed == null ? List.of() : allowed;
            String field = refusal.jsonPath().getString("errors[0].field");
            if (!"regoin".equals(field) || !documented.equals(allowed)) {
                wrong.add(
                        op.key() + " -> field " + field + " allowed " + allowed + " (documented: " + documented + ")");
            }
        }
        assertThat(wrong)
                .as("operations that did not refuse ?regoin= naming the documented parameters")
                .isEmpty();
        Db.assertUnchanged(before);
    }

    @Test
    void aMisspeltFilterIsRefusedAndTheRightOneIsServed() {
        Map<String, String> before = Db.snapshot();
        admin().header("Accept-Language", "en")
                .queryParam("severity", "1")
                .queryParam("region", "13")
                .get("/api/v1/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].code", equalTo("query.unknown"))
                .body(
                        "detail",
                        equalTo("severity: is not a query parameter of this operation; `allowed` lists the "
                                + "ones it takes"));
        admin().queryParam("b", "1")
                .queryParam("a", "2")
                .get("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors.field", contains("a", "b"));
        admin().queryParam("severityMin", "1")
                .queryParam("region", "13")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200);
        // a parameter given twice: the first value alone was applied, as if the second had not been sent
        admin().queryParam("region", "13", "19")
                .queryParam("limit", "1")
                .queryParam("limit", "500")
                .queryParam("regoin", "13")
                .get("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit", "region", "regoin"))
                .body("errors.code", contains("query.repeated", "query.repeated", "query.unknown"));
        Db.assertUnchanged(before);
    }
}

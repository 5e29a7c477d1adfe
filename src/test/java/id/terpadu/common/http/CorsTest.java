package id.terpadu.common.http;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.support.Db;

/**
 * Cross-origin access for the web applications the configuration names (the tests name
 * {@code https://peta.kesbangpol.example.go.id}): a browser page of that origin may preflight and call the API,
 * resumable uploads included, and read the headers it needs; any other origin gets no CORS header at all, so its
 * browser refuses. A browser's tus client walks this for real in {@code verify/browser.sh}.
 */
@QuarkusTest
class CorsTest {

    private static final String ALLOWED = "https://peta.kesbangpol.example.go.id";
    private static final String OTHER = "https://evil.example.com";

    private static Response preflight(String origin, String method, String path) {
        return anonymous()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,tus-resumable,upload-offset,content-type")
                .options(path);
    }

    @Test
    void anAllowedOriginsPreflightOfAResumableUploadIsAnsweredWithoutAToken() {
        Map<String, String> before = Db.snapshot();
        Response answer = preflight(ALLOWED, "PATCH", "/api/v1/uploads/" + UUID.randomUUID());
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(List.of(answer.header("Access-Control-Allow-Methods").split(", ")))
                .contains("PATCH", "HEAD", "DELETE")
                .doesNotContain("PUT");
        assertThat(answer.header("Access-Control-Allow-Headers"))
                .contains("Authorization", "Tus-Resumable", "Upload-Offset", "Content-Type", "If-Match");
        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.header("Vary")).contains("Origin");
        Db.assertUnchanged(before);
    }

    @Test
    void anotherOriginsPreflightGetsNoCorsHeader() {
        Response answer = preflight(OTHER, "PATCH", "/api/v1/uploads/" + UUID.randomUUID());
        // the path's usual answer to OPTIONS, without what a browser needs to go on
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.header("Allow")).contains("PATCH");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
        assertThat(answer.header("Vary")).contains("Origin");
    }

    @Test
    void aPreflightOfAMethodThePathRefusesOrOfAnUnknownPathGetsNoCorsHeader() {
        Response refused = preflight(ALLOWED, "PUT", "/api/v1/incidents");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.header("Allow")).doesNotContain("PUT");
        Response unknown = preflight(ALLOWED, "GET", "/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anAllowedOriginReadsTheAnswerAndTheHeadersItNeeds() {
        Response answer = admin().header("Origin", ALLOWED).get("/api/v1/incidents");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(answer.header("Access-Control-Expose-Headers"))
                .contains(
                        "ETag",
                        "Location",
                        "Content-Location",
                        "Upload-Offset",
                        "Retry-After",
                        "RateLimit",
                        "X-Request-Id");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.header("Vary")).contains("Origin");
    }

    @Test
    void aProblemIsReadableByAnAllowedOriginSoThatItsPageCanShowIt() {
        Map<String, String> before = Db.snapshot();
        Response answer = anonymous()
                .header("Origin", ALLOWED)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/incidents");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        Db.assertUnchanged(before);
    }

    @Test
    void anotherOriginOrNoneGetsNoCorsHeaderButTheAnswerVariesByOrigin() {
        Response other = admin().header("Origin", OTHER).get("/api/v1/incidents");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.header("Access-Control-Expose-Headers")).isNull();
        assertThat(other.header("Vary")).contains("Origin");
        Response none = admin().get("/api/v1/incidents");
        assertThat(none.header("Access-Control-Allow-Origin")).isNull();
        // an origin that differs only in case is the same origin; one with another port is not
        assertThat(admin().header("Origin", "HTTPS://PETA.kesbangpol.example.go.id")
                        .get("/api/v1/incidents")
                        .header("Access-Control-Allow-Origin"))
                .isNotNull();
        assertThat(admin().header("Origin", ALLOWED + ":8443")
                        .get("/api/v1/incidents")
                        .header("Access-Control-Allow-Origin"))
                .isNull();
    }

    @Test
    void aWildcardOrAnOriginWithAPathIsRefusedAtStart() {
        for (String wrong : List.of("*", "https://peta.example.go.id/app", "peta.example.go.id")) {
            assertThatThrownBy(() -> new Cors(Optional.of(List.of(wrong)), Optional.empty(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("terpadu.cors.origins");
            assertThatThrownBy(() -> new Cors(Optional.empty(), Optional.of(List.of(wrong)), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("terpadu.cors.public-origins");
        }
    }

    /**
     * A regional report form ({@code terpadu.cors.public-origins}; the tests name
     * {@code https://lapor.kesbangpol.example.go.id}) may call the public operations, and only those, without sending
     * any credential header.
     */
    @Test
    void aPublicFormsOriginCallsThePublicOperationsAndNothingElse() {
        String form = "https://lapor.kesbangpol.example.go.id";
        Response challenge = anonymous().header("Origin", form).get("/api/v1/public/challenge");
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(challenge.header("Access-Control-Allow-Origin")).isEqualTo(form);
        Response report = anonymous()
                .header("Origin", form)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/public/reports");
        assertThat(report.statusCode()).isEqualTo(204);
        assertThat(report.header("Access-Control-Allow-Origin")).isEqualTo(form);
        assertThat(report.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(report.header("Access-Control-Allow-Headers"))
                .contains("Content-Type")
                .doesNotContain("Authorization")
                .doesNotContain("X-API-Key");
        Response tracking = anonymous().header("Origin", form).get("/api/v1/public/reports/K7QM-4XPD-R2");
        assertThat(tracking.statusCode()).isEqualTo(404);
        assertThat(tracking.header("Access-Control-Allow-Origin")).isEqualTo(form);
        // everything else: no CORS header, so the form's browser refuses
        for (String path : List.of("/api/v1/incidents", "/api/v1/intake", "/api/v1/dev/tokens")) {
            Response preflight = preflight(form, "GET", path);
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isNull();
            Response call = admin().header("Origin", form).get(path);
            assertThat(call.header("Access-Control-Allow-Origin")).as(path).isNull();
            assertThat(call.header("Vary")).as(path).contains("Origin");
        }
        // the full allow-list's origin calls the public operations too
        assertThat(anonymous()
                        .header("Origin", ALLOWED)
                        .get("/api/v1/public/challenge")
                        .header("Access-Control-Allow-Origin"))
                .isEqualTo(ALLOWED);
    }

    /**
     * The form sends the report's photos from its page: in one request, or over tus with the report's key and tus's
     * headers, which it may send on these routes alone (and reads Location and Upload-Offset back); no credential
     * header anywhere, and not the key on the report route.
     */
    @Test
    void aPublicFormsOriginUploadsAReportsPhotosAndSendsTheKeyNowhereElse() {
        String form = "https://lapor.kesbangpol.example.go.id";
        for (String[] route : List.of(
                new String[] {"POST", "/api/v1/public/reports/K7QM-4XPD-R2/photos"},
                new String[] {"POST", "/api/v1/public/uploads"},
                new String[] {"PATCH", "/api/v1/public/uploads/" + java.util.UUID.randomUUID()},
                new String[] {"HEAD", "/api/v1/public/uploads/" + java.util.UUID.randomUUID()})) {
            Response preflight = anonymous()
                    .header("Origin", form)
                    .header("Access-Control-Request-Method", route[0])
                    .header("Access-Control-Request-Headers", "report-key,tus-resumable,upload-offset")
                    .options(route[1]);
            assertThat(preflight.statusCode()).as(route[1]).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin"))
                    .as(route[1])
                    .isEqualTo(form);
            assertThat(preflight.header("Access-Control-Allow-Methods"))
                    .as(route[1])
                    .contains(route[0]);
            assertThat(preflight.header("Access-Control-Allow-Headers"))
                    .as(route[1])
                    .contains("Report-Key", "Tus-Resumable", "Upload-Offset", "Upload-Length", "Upload-Metadata")
                    .doesNotContain("Authorization")
                    .doesNotContain("X-API-Key");
        }
        Response created = anonymous()
                .header("Origin", form)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "10")
                .header("Report-Key", "not-a-key")
                .post("/api/v1/public/uploads");
        assertThat(created.statusCode()).isEqualTo(404);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(form);
        assertThat(created.header("Access-Control-Expose-Headers")).contains("Location", "Upload-Offset");
        // the report itself and the staff's uploads take no key and no tus header from the form
        Response report = preflight(form, "POST", "/api/v1/public/reports");
        assertThat(report.header("Access-Control-Allow-Headers"))
                .doesNotContain("Report-Key")
                .doesNotContain("Tus");
        Response staff = preflight(form, "POST", "/api/v1/uploads");
        assertThat(staff.header("Access-Control-Allow-Origin")).isNull();
    }
}

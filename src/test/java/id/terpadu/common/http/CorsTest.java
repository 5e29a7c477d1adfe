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
                .contains("ETag", "Location", "Upload-Offset", "Retry-After", "RateLimit", "X-Request-Id");
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
            assertThatThrownBy(() -> new Cors(Optional.of(List.of(wrong)), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("terpadu.cors.origins");
        }
    }
}

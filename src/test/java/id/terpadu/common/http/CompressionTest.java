package id.terpadu.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A client that accepts gzip (every browser, and a field app on a slow network) gets the API's JSON, the API document
 * and Swagger UI's scripts compressed, the same bytes once decompressed; a client that does not ask gets them as they
 * are. Read with the JDK's own client, which does not decompress behind the test's back.
 */
@QuarkusTest
class CompressionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.token("admin.pusat", List.of("ADMIN"), List.of(), null));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theApisJsonIsCompressedForAClientThatAcceptsItAndOnlyThen() throws Exception {
        TestData.ensureRegions();
        String path = "/api/v1/regions?limit=200";
        HttpResponse<byte[]> plain = get(path, false);
        HttpResponse<byte[]> compressed = get(path, true);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        // a shared cache keeps the two apart, and CORS's own Vary stays
        assertThat(compressed.headers().allValues("Vary").toString())
                .contains("Accept-Encoding")
                .contains("Origin");
        assertThat(plain.headers().allValues("Vary").toString()).contains("Accept-Encoding");
        assertThat(compressed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(new String(gunzip(compressed.body()), "UTF-8")).isEqualTo(new String(plain.body(), "UTF-8"));
        assertThat(compressed.body().length).isLessThan(plain.body().length / 3);
    }

    @Test
    void aProblemIsCompressedToo() throws Exception {
        HttpResponse<byte[]> compressed = get("/api/v1/incidents?limit=abc", true);
        assertThat(compressed.statusCode()).isEqualTo(400);
        assertThat(compressed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        String body = new String(
                compressed.headers().firstValue("Content-Encoding").isPresent()
                        ? gunzip(compressed.body())
                        : compressed.body(),
                "UTF-8");
        assertThat(body).contains("\"status\":400").contains("limit");
    }

    @Test
    void theApiDocumentAndSwaggerUiAreCompressed() throws Exception {
        for (String path : List.of("/q/openapi?format=json", "/q/openapi", "/q/swagger-ui/swagger-ui-bundle.js")) {
            HttpResponse<byte[]> plain = get(path, false);
            HttpResponse<byte[]> compressed = get(path, true);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(compressed.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .contains("gzip");
            assertThat(gunzip(compressed.body())).as(path).isEqualTo(plain.body());
            assertThat(compressed.body().length).as(path).isLessThan(plain.body().length / 3);
        }
    }
}

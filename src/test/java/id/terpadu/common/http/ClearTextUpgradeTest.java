package id.terpadu.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A third-party client as integration scripts use it: Java's own HttpClient, which asks for HTTP/2 by upgrade (h2c)
 * on an http:// address unless told otherwise. A POST with a body was answered 500 ("Request has already been read")
 * on the upgrade path; it must be served like any other request.
 */
@QuarkusTest
class ClearTextUpgradeTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void javasHttpClientAskingForH2cGetsItsPostServedOverHttp11() throws Exception {
        TestData.ensureRegions();
        String token = Tokens.token("kesbangpol.h2c", List.of("COORDINATOR"), List.of("13"), null);
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);
        String name = TestData.unique("Kesbangpol Kota Solok");
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/agencies"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"" + name + "\", \"type\": \"KESBANGPOL\", \"regionCode\": \"13.72\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(created.body()).contains(name);

        var before = Db.snapshot();
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/agencies"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": 1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Db.assertUnchanged(before);
    }
}

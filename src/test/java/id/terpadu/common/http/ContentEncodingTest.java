package id.terpadu.common.http;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A compressed request body is refused before it is read, whatever it is for (JSON, a tus piece, a form), with a 415
 * that says which coding is taken (RFC 9110 §15.5.16): none is decoded, so no few kilobytes stand for gigabytes.
 */
@QuarkusTest
class ContentEncodingTest {

    private Map<String, String> before;

    @BeforeEach
    void snapshot() {
        TestData.ensureRegions();
        before = Db.snapshot();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(415)
                .contentType("application/problem+json")
                .header("Accept-Encoding", "identity")
                .body("type", equalTo("urn:terpadu:problem:unsupported-media-type"))
                .body("status", equalTo(415));
    }

    private static String agency() {
        return "{\"name\": \"" + TestData.unique("Polres Terkompresi") + "\", \"type\": \"POLRI\"}";
    }

    @Test
    void aCompressedJsonBodyIs415WithAcceptEncoding() throws Exception {
        byte[] body = gzip(agency());
        refused(admin().header("Accept-Language", "en")
                        .header("Content-Encoding", "gzip")
                        .body(body)
                        .post("/api/v1/agencies")
                        .then())
                .body(
                        "detail",
                        equalTo("The body is compressed (Content-Encoding); request bodies are taken only "
                                + "uncompressed: send it again without Content-Encoding"));
        // in chunks, without a length; and codings the service does not know at all
        refused(admin().header("Content-Encoding", "gzip")
                .body(new ByteArrayInputStream(body))
                .post("/api/v1/agencies")
                .then());
        for (String coding : List.of("br", "deflate", "zstd", "GZIP", "identity, gzip", "x-custom")) {
            refused(admin().header("Content-Encoding", coding)
                    .body(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0})
                    .post("/api/v1/agencies")
                    .then());
        }
        Db.assertUnchanged(before);
    }

    @Test
    void aZipBombIsRefusedBeforeAByteIsRead() throws Exception {
        // 16 MB of zeros in about 16 KB: refused on its head, so neither its size nor its decoding costs anything
        byte[] bomb = gzip("0".repeat(16 * 1024 * 1024));
        assertThat(bomb.length).isLessThan(100_000);
        long start = System.nanoTime();
        refused(admin().header("Content-Encoding", "gzip")
                .body(bomb)
                .post("/api/v1/agencies")
                .then());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        Db.assertUnchanged(before);
    }

    @Test
    void uploadsAreRefusedTheSame() throws Exception {
        // a tus piece, read as a stream by its resource: refused at the edge, before its upload is even looked up
        refused(admin().header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0")
                .header("Content-Encoding", "gzip")
                .contentType("application/offset+octet-stream")
                .body(gzip("x".repeat(10_000)))
                .patch("/api/v1/uploads/" + UUID.randomUUID())
                .then());
        // a multipart attachment
        RequestSpecification form = admin().header("Content-Encoding", "gzip")
                .contentType("multipart/form-data")
                .multiPart("file", "f.bin", gzip("x".repeat(10_000)), "application/octet-stream")
                .multiPart("parentType", "INCIDENT")
                .multiPart("parentId", UUID.randomUUID().toString())
                .multiPart("kind", "FOTO");
        refused(form.post("/api/v1/attachments").then());
        Db.assertUnchanged(before);
    }

    @Test
    void identityAndNoBodyAreNotCompression() {
        admin().header("Content-Encoding", "identity")
                .body(agency())
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        // a coding named on a request without a body names nothing
        admin().header("Content-Encoding", "gzip")
                .get("/api/v1/agencies?limit=1")
                .then()
                .statusCode(200);
    }
}

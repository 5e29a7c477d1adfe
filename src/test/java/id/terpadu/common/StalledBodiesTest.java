package id.terpadu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import id.terpadu.attachment.AttachmentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A body that stops arriving ends within a bounded time: with no byte of it for the read timeout (two seconds here,
 * a minute in production) the request is answered 408 and its connection closed, so that no client holds a
 * connection, a buffer and a timer by sending half a body. A body that keeps arriving, however slowly, is read. None
 * of it is an error of the service in the log.
 */
@QuarkusTest
@TestProfile(StalledBodiesTest.ShortReadTimeout.class)
class StalledBodiesTest {

    static final int TIMEOUT_MILLIS = 2_000;

    public static class ShortReadTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.read-timeout", TIMEOUT_MILLIS + "ms");
        }
    }

    private final String name = "Polres Tersendat " + UUID.randomUUID();
    private final byte[] body = ("{\"type\": \"POLRI\", \"name\": \"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    private String token;
    private Map<String, String> before;
    /** Every log record while a test runs: none may be an error or carry a stack trace. */
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() {
        TestData.ensureRegions();
        token = Tokens.token("admin.pusat", List.of("ADMIN"), List.of(), null);
        before = Db.snapshot();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noErrors() {
        Logger.getLogger("").removeHandler(capture);
        synchronized (records) {
            assertThat(records)
                    .as("records at ERROR")
                    .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(records).as("records with a stack trace").noneMatch(r -> r.getThrown() != null);
        }
    }

    /** Opens a connection and sends a request's head with {@code headers} (each ending in CRLF). */
    private Socket open(String method, String path, String headers) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(4 * TIMEOUT_MILLIS);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + headers + "\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Everything the server sends until it closes the connection (or the socket's timeout passes: then fails). */
    private static String untilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open: " + answer.toString(StandardCharsets.UTF_8), e);
        } catch (IOException reset) {
            // a reset after the answer is a close too
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void assertTimedOut(String answer, long millis) {
        assertThat(answer).startsWith("HTTP/1.1 408 ");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json", "connection: close");
        assertThat(answer).contains("urn:terpadu:problem:request-timeout");
        assertThat(millis).as("time to the 408").isBetween((long) TIMEOUT_MILLIS, 3L * TIMEOUT_MILLIS);
    }

    @Test
    void halfABodyIsAnswered408AndItsConnectionClosed() throws Exception {
        try (Socket socket = open(
                "POST",
                "/api/v1/agencies",
                "Content-Type: application/json\r\nAccept-Language: en\r\nContent-Length: " + body.length + "\r\n")) {
            socket.getOutputStream().write(body, 0, body.length / 2);
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            String answer = untilClosed(socket);
            assertTimedOut(answer, since(start));
            assertThat(answer).contains("No byte of the body arrived for 2 seconds");
            // the rest, sent after the answer, is not read as a request
            try {
                socket.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // as expected
            }
        }
        Thread.sleep(500);
        Db.assertUnchanged(before);
    }

    @Test
    void aStalledChunkedBodyIsAnswered408Too() throws Exception {
        try (Socket socket =
                open("POST", "/api/v1/agencies", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")) {
            OutputStream out = socket.getOutputStream();
            out.write(("a\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            assertTimedOut(untilClosed(socket), since(start));
        }
        Db.assertUnchanged(before);
    }

    @Test
    void aStalledFormEndsWithinTheTimeout() throws Exception {
        // a multipart attachment: read by the framework's form reader on a worker thread, held to the same timeout; it
        // closes the connection without an answer, as an upload's piece does
        String boundary = "grenz" + UUID.randomUUID();
        String start =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nFOTO\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n";
        try (Socket socket = open(
                "POST",
                "/api/v1/attachments",
                "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 100000\r\n")) {
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long begun = System.nanoTime();
            untilClosed(socket);
            assertThat(since(begun)).as("time to the close").isBetween((long) TIMEOUT_MILLIS, 4L * TIMEOUT_MILLIS);
        }
        Db.assertUnchanged(before);
    }

    @Test
    void aBodyThatKeepsArrivingIsReadHoweverSlowly() throws Exception {
        // a byte every half timeout: the whole body takes several timeouts, but never pauses for one
        int pieces = 5;
        try (Socket socket = open(
                "POST",
                "/api/v1/agencies",
                "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")) {
            int step = body.length / pieces;
            for (int i = 0; i < pieces; i++) {
                int from = i * step;
                int to = i == pieces - 1 ? body.length : from + step;
                socket.getOutputStream().write(body, from, to - from);
                socket.getOutputStream().flush();
                Thread.sleep(TIMEOUT_MILLIS / 2);
            }
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 201");
        }
        assertThat(Db.count("select count(*) from agency where name = ?", name)).isEqualTo(1);
    }

    @Test
    void aStalledUploadPieceEndsWithinTheTimeoutAndCanBeResumed() throws Exception {
        String upload =
                URI.create(AttachmentResourceTest.startUpload("13.77", 10_000)).getPath();
        token = Tokens.token("coordinator.13", List.of("COORDINATOR"), List.of("13"), null);
        try (Socket socket = open(
                "PATCH",
                upload,
                "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                        + "Content-Length: 10000\r\n")) {
            socket.getOutputStream().write(new byte[4_000]);
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            untilClosed(socket);
            assertThat(since(start)).as("time to the close").isLessThan(4L * TIMEOUT_MILLIS);
        }
        // the client asks where the upload stands, and goes on from there: what arrived counts (no checksum was sent)
        String offset = Tokens.coordinator("13")
                .header("Tus-Resumable", "1.0.0")
                .head(upload)
                .then()
                .statusCode(204)
                .extract()
                .header("Upload-Offset");
        assertThat(Long.parseLong(offset)).isEqualTo(4_000L);
    }
}

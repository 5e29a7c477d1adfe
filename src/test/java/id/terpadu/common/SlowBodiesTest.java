package id.terpadu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import id.terpadu.support.Db;
import id.terpadu.support.Tokens;
import id.terpadu.support.fuzz.RawHttp;

/**
 * Field apps send their bodies over bad networks, in pieces and with pauses. The body is read before a worker
 * thread takes the request, so clients stuck halfway through their bodies hold no worker, and everybody else is
 * answered meanwhile.
 */
@QuarkusTest
class SlowBodiesTest {

    private final String name = "Polres Lambat " + UUID.randomUUID();
    private final byte[] body = ("{\"type\": \"POLRI\", \"name\": \"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    private String token;
    private Map<String, String> before;

    @BeforeEach
    void setUp() {
        token = Tokens.token("admin.pusat", List.of("ADMIN"), List.of(), null);
        before = Db.snapshot();
    }

    /** The worker pool's size: as configured, else Quarkus' default (eight per processor, at least 200). */
    private static int workers() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.thread-pool.max-threads", Integer.class)
                .orElse(Math.max(8 * Runtime.getRuntime().availableProcessors(), 200));
    }

    /** Opens a connection and sends the head of a POST and the first {@code sent} bytes of its body. */
    private Socket halfway(int sent) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(10_000);
        String head = "POST /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, sent);
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = socket.getInputStream().read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    @Test
    void clientsStuckHalfwayThroughTheirBodiesHoldNoWorker() throws Exception {
        List<Socket> stuck = new ArrayList<>();
        try {
            for (int i = 0; i < workers() + 10; i++) {
                stuck.add(halfway(10));
            }
            // were every worker waiting for a body, this would wait until one gave up (10 s) and fail after 3 s
            try (RawHttp http = new RawHttp("localhost", RestAssured.port, 3_000)) {
                RawHttp.Response answer = http.send(
                        "GET",
                        "/api/v1/agencies?limit=1",
                        List.<String[]>of(new String[] {"Authorization", "Bearer " + token}),
                        null);
                assertThat(answer.status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : stuck) {
                socket.close();
            }
        }
        // the bodies that never came whole wrote nothing
        Db.assertUnchanged(before);
    }

    @Test
    void aBodyThatArrivesInPiecesIsReadWhole() throws Exception {
        try (Socket socket = halfway(10)) {
            Thread.sleep(300);
            socket.getOutputStream().write(body, 10, 15);
            socket.getOutputStream().flush();
            Thread.sleep(300);
            socket.getOutputStream().write(body, 25, body.length - 25);
            socket.getOutputStream().flush();
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 201 Created");
        }
        assertThat(Db.count("select count(*) from agency where name = ?", name)).isEqualTo(1);
    }
}

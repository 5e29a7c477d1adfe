package id.terpadu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
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
 * answered meanwhile. A client that goes away in the middle of its body is logged as that, not as an error of the
 * service, and the access log does not claim it was answered 200.
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

    @Test
    void aClientThatGoesAwayMidBodyIsNoErrorOfTheService() throws Exception {
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String id = "dropped-" + UUID.randomUUID();
        try {
            Socket socket = new Socket("localhost", RestAssured.port);
            String head = "POST /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nX-Request-Id: " + id + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body, 0, 10);
            socket.getOutputStream().flush();
            Thread.sleep(300);
            socket.close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && lines(records, id).size() < 2) {
                Thread.sleep(50);
            }
        } finally {
            root.removeHandler(capture);
        }
        synchronized (records) {
            assertThat(records)
                    .as("records at ERROR")
                    .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(records).as("records with a stack trace").noneMatch(r -> r.getThrown() != null);
        }
        List<String> mine = lines(records, id);
        assertThat(mine)
                .as("the service's line, with the request id")
                .anyMatch(l -> l.startsWith("INFO ")
                        && l.contains("The client closed the connection of POST /api/v1/agencies after 10 bytes of "
                                + "its body"));
        assertThat(mine)
                .as("the access log line: no status was sent, and it says so")
                .anyMatch(l -> l.contains("\"POST /api/v1/agencies\" - 0 ")
                        && l.endsWith("closed before the answer was complete"));
        Db.assertUnchanged(before);
    }

    /** The records that name request {@code id}, as {@code LEVEL message}. */
    private static List<String> lines(List<LogRecord> records, String id) {
        List<String> lines = new ArrayList<>();
        synchronized (records) {
            for (LogRecord r : records) {
                String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
                if (message != null && message.contains(id)) {
                    lines.add(r.getLevel() + " " + message);
                }
            }
        }
        return lines;
    }
}

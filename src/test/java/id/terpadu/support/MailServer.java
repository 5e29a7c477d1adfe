package id.terpadu.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real SMTP server for the tests: GreenMail's standalone jar (copied by the build to {@code target/test-servers}),
 * run as a process of its own on free ports of 127.0.0.1 (SMTP, and GreenMail's HTTP API to read what arrived), without
 * authentication: every address is a mailbox. It can be stopped and started again on the same port, to play an
 * outage (what it had received is gone then: it keeps mail in memory). One per JVM, stopped when the JVM ends.
 */
public final class MailServer {

    private static final Path JAR = Path.of("target/test-servers/greenmail.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MailServer running;

    private final int smtpPort;
    private final int apiPort;
    private final Path folder;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private MailServer(int smtpPort, int apiPort, Path folder) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.folder = folder;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized MailServer get() {
        if (running == null) {
            try {
                running = new MailServer(freePort(), freePort(), Files.createTempDirectory("terpadu-test-smtp"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            running.start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** One message as GreenMail read it: its headers and body as sent. */
    public record Message(String subject, String messageId, String mime) {}

    /** The messages in this address's mailbox (none when nothing reached it). */
    public List<Message> messages(String address) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(api() + "/api/user/" + address + "/messages/INBOX"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return List.of();
            }
            List<Map<String, Object>> found = JSON.readValue(answer.body(), new TypeReference<>() {});
            return found.stream()
                    .map(m -> new Message(
                            String.valueOf(m.get("subject")),
                            String.valueOf(m.get("Message-ID")),
                            String.valueOf(m.get("mimeMessage"))))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server (again, on the same ports) and waits until it is ready. */
    public synchronized void start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it (run the tests through ./mvnw)");
        }
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            "-Dgreenmail.smtp.hostname=127.0.0.1",
                            "-Dgreenmail.smtp.port=" + smtpPort,
                            "-Dgreenmail.api.hostname=127.0.0.1",
                            "-Dgreenmail.api.port=" + apiPort,
                            "-Dgreenmail.auth.disabled",
                            "-jar",
                            JAR.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            folder.resolve("greenmail.log").toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the SMTP server", e);
        }
    }

    /** Stops the server: SMTP connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String api() {
        return "http://127.0.0.1:" + apiPort;
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the SMTP server ended: " + Files.readString(folder.resolve("greenmail.log")));
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(api() + "/api/service/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the SMTP server was not ready within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

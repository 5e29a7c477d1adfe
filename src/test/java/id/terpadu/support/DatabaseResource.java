package id.terpadu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import id.terpadu.common.db.EmbeddedDatabase;

/**
 * The tests' PostgreSQL: an embedded server in a fresh folder by default, or the external server named by
 * {@code TERPADU_TEST_DB_URL} (with {@code TERPADU_TEST_DB_USERNAME} / {@code _PASSWORD}), which is wiped
 * (Flyway clean) before the tests migrate it.
 */
public class DatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_VARIABLE = "TERPADU_TEST_DB_URL";

    @Override
    public Map<String, String> start() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    external,
                    "quarkus.datasource.username",
                    env("TERPADU_TEST_DB_USERNAME", "postgres"),
                    "quarkus.datasource.password",
                    env("TERPADU_TEST_DB_PASSWORD", ""),
                    "quarkus.flyway.clean-disabled",
                    "false",
                    "quarkus.flyway.clean-at-start",
                    "true");
        }
        try {
            Path dir = Files.createTempDirectory("terpadu-test-pg");
            EmbeddedDatabase.Endpoint db = EmbeddedDatabase.start(dir, 0, true);
            return Map.of(
                    "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                    "quarkus.datasource.username", db.username(),
                    "quarkus.datasource.password", db.password());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public void stop() {
        // the embedded server stops with the JVM
    }
}

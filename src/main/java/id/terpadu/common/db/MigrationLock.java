package id.terpadu.common.db;

import java.util.Map;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Flyway holds its migration lock with a session-level advisory lock instead of a transaction-level one. The
 * transactional lock keeps a second connection idle in a transaction for the whole migration, and the datasource's
 * {@code idle_in_transaction_session_timeout} (30 s) would end that connection, and the start, during any migration
 * of a populated database that runs longer.
 */
@Singleton
public class MigrationLock implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }
}

package id.terpadu.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import id.terpadu.common.http.RequestIds;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.PersonalData;

/**
 * Writes the reads of unmasked personal data that a request recorded ({@link PersonalData#reveal}) into
 * {@code personal_data_access}, in one statement after the answer is built. The rows hold ids only. A request that
 * revealed nothing costs nothing here.
 * <p>
 * Plain JDBC on a connection of its own: it runs in a response filter, after the request's transaction (if any) has
 * ended; that is the reason, not a measurement (no figure was taken).
 */
public class AccessLogWriter {

    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);
    private static final String INSERT = """
            insert into personal_data_access (id, accessed_at, actor, agency_id, client_id, entity_type, entity_id,
                                              region_code, method, path, request_id)
            select gen_random_uuid(), ?, ?, ?, ?, t.entity_type, t.entity_id, t.region_code, ?, ?, ?
            from unnest(?::text[], ?::uuid[], ?::text[]) as t(entity_type, entity_id, region_code)""";

    private final PersonalData personalData;
    private final Caller caller;
    private final DataSource dataSource;

    AccessLogWriter(PersonalData personalData, Caller caller, DataSource dataSource) {
        this.personalData = personalData;
        this.caller = caller;
        this.dataSource = dataSource;
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request) {
        List<PersonalData.Read> reads = personalData.drain();
        if (reads.isEmpty()) {
            return;
        }
        // Its own connection in autocommit: the request's transaction, if any, has ended, and a read-only request
        // has none. One statement, so the rows of one answer are written together or not at all.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setString(2, caller.subject());
            insert.setObject(3, caller.agencyId());
            insert.setString(4, caller.clientId());
            insert.setString(5, request.getMethod());
            insert.setString(6, "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
            insert.setString(7, RequestIds.current());
            insert.setArray(
                    8,
                    connection.createArrayOf(
                            "text",
                            reads.stream().map(PersonalData.Read::entityType).toArray()));
            insert.setArray(
                    9,
                    connection.createArrayOf(
                            "uuid",
                            reads.stream().map(PersonalData.Read::entityId).toArray(UUID[]::new)));
            insert.setArray(
                    10,
                    connection.createArrayOf(
                            "text",
                            reads.stream().map(PersonalData.Read::regionCode).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // The answer is already built; losing the audit row must be loud, but it names no person.
            LOG.errorf("personal data access of %d record(s) not recorded: %s", reads.size(), e.getSQLState());
        }
    }
}

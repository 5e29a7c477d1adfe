package id.terpadu.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import id.terpadu.common.security.Classification;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.verification.Verification;
import id.terpadu.verification.VerificationMethod;
import id.terpadu.verification.Verified;

/**
 * Reads an incident's view by id in one statement on a pooled connection, without a persistence context: the
 * read of {@code GET /incidents/{id}}, the hottest path of the API, costs one round trip and no entity.
 * The values are those of {@link IncidentResponse#SELECT}, so the view is the one every other path returns.
 * <p>
 * Plain JDBC, not {@link IncidentRepository}: through the ORM the same read opened a session, hydrated an entity and
 * kept its snapshot only to copy it into the answer. No before/after figure was recorded when it moved here;
 * {@code bench/incidents.sh} measures this read (GET by id against {@code pgbench -S}, and this statement alone in
 * {@code pgbench}).
 */
@ApplicationScoped
class IncidentViews {

    private static final String BY_ID = """
            select id, title, description, category_code, region_code, latitude, longitude, location_text, geo_precision,
                   time_precision, occurred_from, occurred_to, source_kind, source_reference, severity, classification,
                   stage, cast(parties as text), killed, injured, sexual_violence, buildings_damaged, displaced,
                   cast(vulnerable_groups as text), lead_agency_id, duplicate_of, conflict_status_id, closing_summary,
                   version, created_at, updated_at, verification, verification_method, verification_note, verified_by,
                   verified_at, verified_by_coordinator, reopening_reason
            from incident where id = ?""";

    private final DataSource dataSource;
    private final ObjectReader parties;
    private final ObjectReader vulnerableGroups;

    IncidentViews(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.parties = mapper.readerFor(mapper.getTypeFactory().constructCollectionType(ArrayList.class, Party.class));
        this.vulnerableGroups = mapper.readerFor(
                mapper.getTypeFactory().constructCollectionType(ArrayList.class, VulnerableGroup.class));
    }

    /** The incident's view, or null when there is none (whether the caller may see it is the service's rule). */
    IncidentResponse byId(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? IncidentResponse.of(row(rs)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading incident " + id + " failed", e);
        }
    }

    private Object[] row(ResultSet rs) throws SQLException {
        return new Object[] {
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getObject(6, Double.class),
            rs.getObject(7, Double.class),
            rs.getString(8),
            shortOrNull(rs, 9),
            shortOrNull(rs, 10),
            instant(rs, 11),
            instant(rs, 12),
            SourceKind.valueOf(rs.getString(13)),
            rs.getString(14),
            rs.getShort(15),
            Classification.valueOf(rs.getString(16)),
            Stage.valueOf(rs.getString(17)),
            json(parties, rs.getString(18)),
            rs.getObject(19, Integer.class),
            rs.getObject(20, Integer.class),
            rs.getObject(21, Integer.class),
            rs.getObject(22, Integer.class),
            rs.getObject(23, Integer.class),
            json(vulnerableGroups, rs.getString(24)),
            rs.getObject(25, UUID.class),
            rs.getObject(26, UUID.class),
            rs.getObject(27, UUID.class),
            rs.getString(28),
            rs.getString(38),
            verified(rs),
            rs.getLong(29),
            instant(rs, 30),
            instant(rs, 31)
        };
    }

    /** The verification columns, 32 to 37. */
    private static Verified verified(ResultSet rs) throws SQLException {
        Verified verified = new Verified();
        verified.state = Verification.valueOf(rs.getString(32));
        String method = rs.getString(33);
        verified.method = method == null ? null : VerificationMethod.valueOf(method);
        verified.note = rs.getString(34);
        verified.verifiedBy = rs.getString(35);
        verified.verifiedAt = instant(rs, 36);
        verified.byCoordinator = rs.getBoolean(37);
        return verified;
    }

    private static Short shortOrNull(ResultSet rs, int column) throws SQLException {
        short value = rs.getShort(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <T> List<T> json(ObjectReader reader, String text) {
        if (text == null || text.equals("[]")) {
            return new ArrayList<>();
        }
        try {
            return reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}

package id.terpadu.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;
import id.terpadu.common.security.Classification;

/** A conflict incident (peristiwa konflik) and where its handling stands. */
@Entity
public class Incident extends AuditedEntity {

    public String title;
    public String description;
    public String categoryCode;
    public String regionCode;
    public Double latitude;
    public Double longitude;
    public String locationText;
    public Short geoPrecision;
    public Short timePrecision;
    public Instant occurredFrom;
    public Instant occurredTo;
    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;
    public String sourceReference;
    public short severity;
    @Enumerated(EnumType.STRING)
    public Classification classification;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<IncidentDtos.Party> parties;
    public Integer killed;
    public Integer injured;
    public Integer sexualViolence;
    public Integer buildingsDamaged;
    public Integer displaced;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<VulnerableGroup> vulnerableGroups;
    public UUID leadAgencyId;
    public UUID duplicateOf;
    public UUID conflictStatusId;
    public String closingSummary;
}

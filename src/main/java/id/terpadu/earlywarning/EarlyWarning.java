package id.terpadu.earlywarning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;
import id.terpadu.common.security.Classification;
import id.terpadu.incident.Party;
import id.terpadu.incident.SourceKind;
import id.terpadu.verification.Verified;

/** A potential conflict seen early (deteksi dini), assessed for likelihood and impact. */
@Entity
public class EarlyWarning extends AuditedEntity {

    public String regionCode;
    public String categoryCode;
    public String title;
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Party> parties;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> indicators;

    public short likelihood;
    public short impact;

    @Enumerated(EnumType.STRING)
    public RiskLevel riskLevel;

    public UUID sourceAgencyId;

    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    public WarningStatus status;

    public String recommendedActions;
    public UUID escalatedIncidentId;

    /** Whether the warning was checked, by whom and how; only POST …/verification moves it. */
    @Embedded
    public Verified verification = new Verified();

    /** The warning this one duplicates, when verified DUPLIKAT. */
    public UUID duplicateOf;

    /** Where the sign was seen (WGS 84), when known; both or neither. */
    public Double latitude;

    public Double longitude;

    /** When the sign was seen; the time the warning was raised when the reporter gave none. */
    public Instant observedAt;

    /** The day (alone) or the first day of the period the warning concerns, e.g. the day of the vote. */
    public LocalDate concernsFrom;

    /** The last day of the period the warning concerns, when it is more than one day. */
    public LocalDate concernsUntil;

    /** When the warning stops being current (CAP {@code expires}); none when it stands until closed. */
    public Instant expiresAt;

    /** The stored Indonesian full-text vector, for the list's {@code q} (written by the database). */
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.Column(insertable = false, updatable = false, columnDefinition = "tsvector")
    public String searchVector;
}

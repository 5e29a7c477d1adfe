package id.terpadu.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import id.terpadu.common.persistence.AuditedEntity;

/**
 * A community report received through the public endpoint, waiting in (or triaged from) the queue of the team of its
 * region. The contact is personal data: masked for callers who may not read it, never in the change log.
 */
@Entity
public class IntakeReport extends AuditedEntity {

    /** Without the dashes; {@link TrackingCodes#display} groups it for the reporter. */
    public String trackingCode;

    public String description;
    /** Null when the reporter gave a point alone. */
    public String regionCode;

    public Double latitude;
    public Double longitude;
    public String locationText;
    public Instant occurredAt;
    public String categoryCode;

    /** Personal data. */
    public String contactName;
    /** Personal data. */
    public String contactPhone;

    /** The team whose queue holds it; null when neither the kabupaten/kota nor the province has a team. */
    public UUID teamId;
    /**
     * The region whose scope triages it: the team's region (the kabupaten/kota, else the province); null for the
     * national queue of reports without a region.
     */
    public String queueRegion;

    @Enumerated(EnumType.STRING)
    public IntakeStatus status;

    @Enumerated(EnumType.STRING)
    public PublicStatus publicStatus;

    public String publicReason;
    public Instant publicStatusAt;
    public String triageNote;
    public Instant dueAt;
    public Instant firstActionAt;

    /** {@code incident} or {@code early-warning}: the record it became or duplicates. */
    public String linkedType;

    public UUID linkedId;
    /** That record's stage or status when it was linked: a change of it moves the public status on. */
    public String linkedState;

    /** The SHA-256 (hex) of the key that lets the reporter send photos; the key itself is shown once, never kept. */
    public String uploadKeySha256;

    public Instant uploadKeyExpiresAt;
}

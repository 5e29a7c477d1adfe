package id.terpadu.attachment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.DynamicUpdate;

import id.terpadu.common.persistence.AuditedEntity;
import id.terpadu.common.security.Classification;

/**
 * A file kept with a record: what it is, whose it is, who may see it, and where its copies are in the store. Its
 * parent is one of {@link ParentType}, held in that type's own column (a foreign key each, so a record's removal
 * removes its attachments); {@code parentId} is the one that is set.
 *
 * <p>An update writes only the columns it changed: the sweeper records the served copy's digest and size of an old
 * attachment without a new version, and a change read before that (a removal's, a move's) must not write them back
 * empty.
 */
@Entity
@DynamicUpdate
public class Attachment extends AuditedEntity {

    @Convert(converter = ParentTypeColumn.class)
    public ParentType parentType;

    public UUID incidentId;
    public UUID earlyWarningId;
    public UUID activityId;
    public UUID meetingId;
    public UUID teamId;
    public UUID conflictStatusId;
    public UUID reportId;
    public UUID neutralityCaseId;
    public UUID intakeReportId;

    /** The community report a photo was sent with, kept when the photo moves to the record the report became. */
    public UUID reportedIn;

    @Column(insertable = false, updatable = false)
    public UUID parentId;

    public String regionCode;

    @Enumerated(EnumType.STRING)
    public AttachmentKind kind;

    public String title;
    public String caption;
    public String fileName;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public boolean personalData;

    @Enumerated(EnumType.STRING)
    public AttachmentStatus status;

    public String rejection;
    /** The upload's size: announced at its start, and what arrived (tus's Upload-Length). */
    public long size;

    public String mediaType;
    /** The SHA-256 of the bytes as uploaded (hex): the same file on the same record is one attachment. */
    public String sha256;

    public UUID agencyId;
    public Instant capturedAt;
    public Double captureLatitude;
    public Double captureLongitude;
    public String captureSource;
    public String contentKey;
    /** The SHA-256 (hex) and size of the served copy ({@link #contentKey}), which cleaning made from the upload. */
    public String contentSha256;

    public Long contentSize;
    public String originalKey;

    /**
     * When the sweeper last took this attachment to describe its served copy (one made before that copy's digest and
     * size were kept); null for every other. Written by the sweeper's own statements only.
     */
    @Column(insertable = false, updatable = false)
    public Instant servedCheckedAt;

    /** Sets the parent: its type and the column of that type. */
    void parent(ParentType type, UUID id) {
        incidentId = null;
        earlyWarningId = null;
        activityId = null;
        meetingId = null;
        teamId = null;
        conflictStatusId = null;
        reportId = null;
        neutralityCaseId = null;
        intakeReportId = null;
        parentType = type;
        parentId = id;
        switch (type) {
            case INCIDENT -> incidentId = id;
            case EARLY_WARNING -> earlyWarningId = id;
            case INCIDENT_ACTIVITY -> activityId = id;
            case MEETING -> meetingId = id;
            case TEAM -> teamId = id;
            case CONFLICT_STATUS -> conflictStatusId = id;
            case ACTION_PLAN_REPORT -> reportId = id;
            case NEUTRALITY_CASE -> neutralityCaseId = id;
            case INTAKE_REPORT -> intakeReportId = id;
        }
    }

    /** The parent type as the database holds it (its API name). */
    @Converter
    static class ParentTypeColumn implements AttributeConverter<ParentType, String> {
        @Override
        public String convertToDatabaseColumn(ParentType type) {
            return type == null ? null : type.value();
        }

        @Override
        public ParentType convertToEntityAttribute(String value) {
            return value == null ? null : ParentType.of(value);
        }
    }
}

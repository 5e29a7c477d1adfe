package id.terpadu.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/** A decision of a meeting: what an owner agency is to do by a due date, and how it was followed up. */
@Entity
@Table(name = "meeting_decision")
public class Decision extends AuditedEntity {

    public UUID meetingId;
    public String description;
    public UUID ownerAgencyId;
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public DecisionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<FollowUp> followUps;

    /** Why a DONE or DROPPED decision was last reopened (back to IN_PROGRESS); null when it never was. */
    public String reopeningReason;

    public Instant reopenedAt;
    public String reopenedBy;
}

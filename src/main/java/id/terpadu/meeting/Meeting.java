package id.terpadu.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/** A coordination meeting of a team; its region is its team's. Linked incidents and warnings live in link tables. */
@Entity
public class Meeting extends AuditedEntity {

    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public MeetingKind kind;

    public String title;
    public Instant startsAt;
    public Instant endsAt;
    public String place;
    public String chair;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> agenda;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees;

    public String minutes;
}

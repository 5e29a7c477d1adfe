package id.terpadu.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/** An agency asked to do something by a due time, for an incident or on an early warning (one of the two). */
@Entity
@Table(name = "incident_task")
public class Task extends AuditedEntity {

    public UUID incidentId;
    public UUID warningId;
    public UUID agencyId;
    public String description;
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    public String unableReason;
    public String cancelReason;
    /** The latest escalation step's time and team (see {@link #escalations}). */
    public Instant escalatedAt;

    public UUID escalatedToTeamId;

    /** The steps of the overdue task's climb, oldest first: the province's team, then the national team. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EscalationStep> escalations = new ArrayList<>();
}

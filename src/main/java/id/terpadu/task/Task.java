package id.terpadu.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import id.terpadu.common.persistence.AuditedEntity;

/** An agency asked to do something for an incident by a due time. */
@Entity
@Table(name = "incident_task")
public class Task extends AuditedEntity {

    public UUID incidentId;
    public UUID agencyId;
    public String description;
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    public String unableReason;
    public Instant escalatedAt;
    public UUID escalatedToTeamId;
}

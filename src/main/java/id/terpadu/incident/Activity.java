package id.terpadu.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import id.terpadu.common.persistence.AuditedEntity;

/** Something an agency did in the handling of an incident, typed by the stage's activity types. */
@Entity
@Table(name = "incident_activity")
public class Activity extends AuditedEntity {

    public UUID incidentId;
    public String activityType;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    public UUID agencyId;
    public Instant occurredAt;
    public String description;
    public String outcome;
}

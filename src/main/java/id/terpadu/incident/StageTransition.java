package id.terpadu.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One move of an incident from stage to stage, with the reason; never changed once written. It took effect at
 * {@code transitionedAt}, which a move recorded late (the coordinator learnt of it from an officer who was offline) places before
 * {@code recordedAt}.
 */
@Entity
@Table(name = "incident_stage_transition")
public class StageTransition {

    @Id
    public UUID id;

    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    public Stage fromStage;

    @Enumerated(EnumType.STRING)
    public Stage toStage;

    public String reason;
    public Instant transitionedAt;
    public Instant recordedAt;
    public String actor;
}

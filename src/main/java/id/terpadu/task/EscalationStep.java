package id.terpadu.task;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.team.TeamLevel;

/** One step of an overdue task's climb: the team it was escalated to, and when. */
@Schema(name = "EscalationStep", description = "A step of an overdue task's escalation to a team one level up")
public record EscalationStep(
        @Schema(description = "The team the task was escalated to; absent when no team exists at that level")
        UUID teamId,

        @Schema(description = "That team's level: PROVINSI first, then NASIONAL when still overdue")
        TeamLevel teamLevel,

        Instant at) {}

package id.terpadu.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of incident tasks. */
public final class TaskDtos {

    private TaskDtos() {}

    @Schema(name = "TaskInput")
    public record TaskInput(
            @Schema(description = "Client-chosen id") UUID id,

            @NotNull @Schema(example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID agencyId,

            // a description of control characters only is blank once trimmed, as the service stores it
            @NotBlank
            @Size(max = 5000)
            @Pattern(regexp = Constraints.NOT_BLANK, message = "{jakarta.validation.constraints.NotBlank.message}")
            @Schema(example = "Siapkan posko pengungsian di balai desa")
            String description,

            @NotNull @Schema(example = "2024-10-13T06:00:00Z")
            Instant dueAt) {}

    @Schema(name = "TaskTransitionInput")
    public record TaskTransitionInput(
            @NotNull TaskState to,

            @Size(max = 2000)
            @Schema(
                    description = "Required for UNABLE and CANCELLED",
                    example = "Personel sedang bertugas pengamanan pilkada")
            String reason) {}

    @Schema(name = "Task")
    public record TaskResponse(
            UUID id,

            @Schema(description = "The incident the task is for; absent for a task on an early warning")
            UUID incidentId,

            @Schema(description = "The early warning the task is for; absent for a task on an incident")
            UUID warningId,

            UUID agencyId,
            String description,
            Instant dueAt,
            TaskState state,
            String unableReason,

            @Schema(description = "Why the secretariat withdrew the task (CANCELLED)")
            String cancelReason,

            @Schema(description = "Due and still open") boolean overdue,

            @Schema(description = "When the overdue task was last escalated to a team one level up")
            Instant escalatedAt,

            @Schema(description = "The team it was last escalated to")
            UUID escalatedToTeamId,

            @Schema(
                    description = "Each step of the overdue task's climb, oldest first: the province's team, then the"
                            + " national team when it is still overdue after the configured time")
            List<EscalationStep> escalations,

            long version,
            Instant createdAt,
            Instant updatedAt)
            implements Versioned {

        static TaskResponse from(Task t) {
            return new TaskResponse(
                    t.id,
                    t.incidentId,
                    t.warningId,
                    t.agencyId,
                    t.description,
                    t.dueAt,
                    t.state,
                    t.unableReason,
                    t.cancelReason,
                    t.state.isOpen() && t.dueAt.isBefore(Instant.now()),
                    t.escalatedAt,
                    t.escalatedToTeamId,
                    List.copyOf(t.escalations),
                    t.version,
                    t.createdAt,
                    t.updatedAt);
        }
    }
}

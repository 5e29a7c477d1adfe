package id.terpadu.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the inbox and the notification preferences. */
public final class NotificationDtos {

    private NotificationDtos() {}

    @Schema(
            name = "Notification",
            description =
                    "An entry of your inbox. It names the record and where to read it, never what the record says: "
                            + "reading it is the record's own GET, with your rights")
    public record NotificationResponse(
            @Schema(description = "The entry's place in your inbox: later entries have larger ones (poll with `since`)")
            long id,

            NotificationKind kind,

            @Schema(
                    description = "The kind of record, as in the change feed",
                    example = "incident-task",
                    maxLength = 40)
            String recordType,

            UUID recordId,

            @Schema(
                    description = "The record's address in this API",
                    maxLength = 200,
                    example = "/api/v1/incidents/5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f/tasks/"
                            + "0c4f6a2e-9b1d-4e7a-8c3f-5d2e1a0b9c8d")
            String path,

            @Schema(description = "The record's region at the event")
            String regionCode,

            @Schema(description = "For TASK_ESCALATED: the team the task climbed to")
            UUID teamId,

            @Schema(description = "When it happened") Instant occurredAt,

            @Schema(description = "When you marked it read; null while unread")
            Instant readAt) {}

    @Schema(
            name = "NotificationSummary",
            description =
                    "How many entries are unread and the newest entry's id: a poll answered 304 while nothing changed")
    public record NotificationSummary(
            long unread,
            @Schema(description = "0 for an empty inbox") long latest) {}

    @Schema(
            name = "NotificationReadInput",
            description = "Marks entries read: every entry up to `upTo` (the newest you have seen: the `latest` of a "
                    + "summary, or an entry's id), or only the listed ones among them. Entries that are not yours, or "
                    + "read already, are passed over")
    public record MarkReadInput(
            @NotNull @Min(1) @Max(Long.MAX_VALUE) Long upTo,

            @Size(min = 1, max = 200) @Schema(description = "Only these entries (absent: all up to upTo)")
            List<@NotNull @Min(1) Long> ids) {}

    @Schema(name = "NotificationReadResult")
    public record MarkReadResult(
            @Schema(description = "How many entries this request marked read")
            int marked,

            @Schema(description = "How many stay unread") long unread) {}

    @Schema(name = "NotificationChannels", description = "Where one kind of event reaches you")
    public record EventChannels(
            @NotNull NotificationKind kind,
            @NotNull Boolean inbox,
            @NotNull Boolean email) {}

    @Schema(
            name = "NotificationPreferencesInput",
            description = "Your channels per kind of event (a kind left out reaches both), and whether emails come at "
                    + "once or as one daily digest (07:00 WIB)")
    public record PreferencesInput(
            @NotNull @Size(max = 50) List<@Valid @NotNull EventChannels> events,
            @NotNull EmailDelivery emailDelivery) {}

    @Schema(
            name = "NotificationPreferences",
            description =
                    "Your channels for every kind of event, and how emails come; `version` is the ETag's (0 until "
                            + "you first save them)")
    public record PreferencesResponse(
            List<EventChannels> events,
            EmailDelivery emailDelivery,

            @Schema(description = "Whether this service sends emails at all (an SMTP server is configured)")
            boolean emailAvailable,

            long version) {}
}

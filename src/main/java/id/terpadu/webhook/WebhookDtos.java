package id.terpadu.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.changelog.Operation;
import id.terpadu.common.http.Versioned;
import id.terpadu.common.idempotency.Redactable;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/webhooks}. */
public final class WebhookDtos {

    private WebhookDtos() {}

    @Schema(name = "WebhookSubscriptionInput")
    public record SubscriptionInput(
            @Schema(description = "Client-chosen id", example = "7d3f9a2c-5b1e-4c8d-9e0f-1a2b3c4d5e6f")
            UUID id,

            @NotBlank
            @Size(max = TargetUrls.MAX_LENGTH)
            @Schema(
                    description = "https URL receiving POSTs; its host must resolve to public addresses only",
                    format = "uri",
                    example = "https://siaga.babelprov.example/hooks/terpadu")
            String url,

            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(example = "Dasbor situasi Provinsi Kepulauan Bangka Belitung")
            String description,

            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> eventTypes,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(
                    description = "Receive changes of this region and everything below it; within your scope. "
                            + "Absent: your scope when it is one region (a national caller: every region and the national "
                            + "records); required when your scope holds several regions",
                    example = "13.77")
            String regionCode,

            @Schema(description = "The highest classification delivered (absent: PUBLIC); at most what you may read")
            Classification maxClassification) {}

    @Schema(name = "WebhookEnableInput")
    public record EnableInput(
            @Size(max = 500)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(
                    description = "Why it may receive again (kept as statusReason)",
                    example = "Sertifikat TLS penerima sudah diperbarui")
            String reason) {}

    @Schema(name = "WebhookSubscription")
    public record SubscriptionResponse(
            UUID id,

            @Schema(example = "https://siaga.babelprov.example/hooks/terpadu")
            String url,

            String description,

            @Schema(example = "[\"incident\", \"early-warning\"]")
            List<String> eventTypes,

            @Schema(description = "Null: national", example = "19")
            String regionCode,

            Classification maxClassification,
            SubscriptionStatus status,

            @Schema(description = "Why it was disabled, or the reason given when it was enabled again")
            String statusReason,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description = "The signing secret: in the answer to the create only, never again (not in a "
                            + "replay of it either). Keep it; delete and subscribe again to change it.",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            String createdBy,
            Instant createdAt,
            Instant updatedAt)
            implements Redactable, Versioned {

        static SubscriptionResponse from(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionResponse(
                    s.id,
                    s.url,
                    s.description,
                    List.copyOf(Arrays.asList(s.eventTypes)),
                    s.regionCode,
                    s.maxClassification,
                    s.status,
                    s.statusReason,
                    withSecret ? s.secret : null,
                    s.version,
                    s.createdBy,
                    s.createdAt,
                    s.updatedAt);
        }

        public SubscriptionResponse withoutSecret() {
            return new SubscriptionResponse(
                    id,
                    url,
                    description,
                    eventTypes,
                    regionCode,
                    maxClassification,
                    status,
                    statusReason,
                    null,
                    version,
                    createdBy,
                    createdAt,
                    updatedAt);
        }

        @Override
        public Object redacted() {
            return withoutSecret();
        }
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptResponse(
            @Schema(example = "1") int number,
            Instant attemptedAt,

            @Schema(
                    description = "The receiver's HTTP status; null when none came (timeout, refused connection)",
                    example = "500")
            Integer statusCode,

            @Schema(example = "182") long latencyMs,
            @Schema(example = "HTTP 500") String error,

            @Schema(description = "When the next attempt was scheduled; null after the last")
            Instant retryAt) {}

    @Schema(name = "WebhookDelivery")
    public record DeliveryResponse(
            @Schema(description = "Also the webhook-id header, the same on every attempt")
            UUID id,

            UUID subscriptionId,

            @Schema(description = "Position of the change in the change log", example = "42")
            long changePosition,

            @Schema(example = "incident") String eventType,
            UUID entityId,
            Operation operation,
            @Schema(example = "0") long entityVersion,
            DeliveryStatus status,
            @Schema(example = "2") int attempts,

            @Schema(description = "When a PENDING delivery is next tried")
            Instant nextAttemptAt,

            String lastError,

            @Schema(description = "When it was DELIVERED or FAILED")
            Instant finishedAt,

            Instant createdAt,
            List<AttemptResponse> attemptLog) {

        static DeliveryResponse from(WebhookDelivery d, List<AttemptResponse> attempts) {
            return new DeliveryResponse(
                    d.id,
                    d.subscriptionId,
                    d.changePosition,
                    d.eventType,
                    d.entityId,
                    d.operation,
                    d.entityVersion,
                    d.status,
                    d.attempts,
                    d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null,
                    d.lastError,
                    d.finishedAt,
                    d.createdAt,
                    attempts);
        }
    }
}

package id.terpadu.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

import id.terpadu.common.ratelimit.RateLimitConfig;
import id.terpadu.task.TaskConfig;
import id.terpadu.verification.SimilarConfig;
import id.terpadu.webhook.WebhookConfig;

/**
 * The settings groups are typed and checked when the configuration is read: a value out of range stops the service
 * with the property's name, before any request. Read here as the service reads them, without booting it.
 */
class ConfigMappingsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static final Map<String, String> RATE_LIMIT = Map.ofEntries(
            Map.entry("terpadu.rate-limit.enabled", "true"),
            Map.entry("terpadu.rate-limit.reads.limit", "1200"),
            Map.entry("terpadu.rate-limit.reads.window", "1M"),
            Map.entry("terpadu.rate-limit.writes.limit", "300"),
            Map.entry("terpadu.rate-limit.writes.window", "1M"),
            Map.entry("terpadu.rate-limit.expensive.limit", "60"),
            Map.entry("terpadu.rate-limit.expensive.window", "1M"),
            Map.entry("terpadu.rate-limit.lease", "20"),
            Map.entry("terpadu.rate-limit.public-reports.limit", "10"),
            Map.entry("terpadu.rate-limit.public-reports.window", "1H"),
            Map.entry("terpadu.rate-limit.public-networks.limit", "200"),
            Map.entry("terpadu.rate-limit.public-networks.window", "1H"),
            Map.entry("terpadu.rate-limit.public-uploads.limit", "60"),
            Map.entry("terpadu.rate-limit.public-uploads.window", "1H"));

    private static SmallRyeConfig read(Class<?> mapping, Map<String, String> values) {
        // the service's duration form ("1M", "30S") as the running service reads it
        return new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }

    @Test
    void theShippedRateLimitsAreReadTyped() {
        RateLimitConfig config = read(RateLimitConfig.class, RATE_LIMIT).getConfigMapping(RateLimitConfig.class);
        assertThat(config.reads().limit()).isEqualTo(1200);
        assertThat(config.expensive().window()).hasMinutes(1);
        assertThat(config.lease()).isEqualTo(20);
    }

    @Test
    void aRateLimitOutOfRangeStopsTheStartWithItsName() {
        Map<String, String> values = new HashMap<>(RATE_LIMIT);
        values.put("terpadu.rate-limit.writes.limit", "0");
        assertThatThrownBy(() -> read(RateLimitConfig.class, values))
                .hasMessageContaining("terpadu.rate-limit.writes.limit");
        values.put("terpadu.rate-limit.writes.limit", "300");
        values.put("terpadu.rate-limit.lease", "-1");
        assertThatThrownBy(() -> read(RateLimitConfig.class, values)).hasMessageContaining("terpadu.rate-limit.lease");
    }

    @Test
    void aMissingOrMistypedWebhookSettingStopsTheStartWithItsName() {
        Map<String, String> values = new HashMap<>(Map.of(
                "terpadu.webhooks.allow-private-targets",
                "false",
                "terpadu.webhooks.backoff-base",
                "30S",
                "terpadu.webhooks.backoff-max",
                "1H",
                "terpadu.webhooks.retry-window",
                "24H",
                "terpadu.webhooks.lease",
                "60S",
                "terpadu.webhooks.max-in-flight",
                "64",
                "terpadu.webhooks.max-in-flight-per-subscription",
                "8",
                "terpadu.webhooks.connect-timeout",
                "5S",
                "terpadu.webhooks.request-timeout",
                "10S"));
        values.put("terpadu.webhooks.poll-every", "2s");
        values.put("terpadu.webhooks.poll-delay", "10s");
        assertThat(read(WebhookConfig.class, values)
                        .getConfigMapping(WebhookConfig.class)
                        .maxInFlight())
                .isEqualTo(64);

        values.put("terpadu.webhooks.max-in-flight-per-subscription", "0");
        assertThatThrownBy(() -> read(WebhookConfig.class, values))
                .hasMessageContaining("terpadu.webhooks.max-in-flight-per-subscription");
        values.put("terpadu.webhooks.max-in-flight-per-subscription", "8");
        values.put("terpadu.webhooks.lease", "a minute");
        assertThatThrownBy(() -> read(WebhookConfig.class, values)).hasMessageContaining("terpadu.webhooks.lease");
        values.remove("terpadu.webhooks.lease");
        assertThatThrownBy(() -> read(WebhookConfig.class, values)).hasMessageContaining("terpadu.webhooks.lease");
    }

    @Test
    void aTaskClimbsAgainAfterAnHourAtLeast() {
        Map<String, String> values = new HashMap<>(
                Map.of("terpadu.tasks.escalation-every", "1m", "terpadu.tasks.escalate-again-after", "72H"));
        assertThat(read(TaskConfig.class, values)
                        .getConfigMapping(TaskConfig.class)
                        .escalateAgainAfter())
                .hasHours(72);
        values.put("terpadu.tasks.escalate-again-after", "30M");
        assertThatThrownBy(() -> read(TaskConfig.class, values))
                .hasMessageContaining("terpadu.tasks.escalate-again-after");
    }

    @Test
    void theWindowOfLikelyDuplicatesIsBoundedAndDefaultsToThreeDays() {
        assertThat(read(SimilarConfig.class, Map.of())
                        .getConfigMapping(SimilarConfig.class)
                        .windowHours())
                .isEqualTo(72);
        assertThat(read(SimilarConfig.class, Map.of("terpadu.similar.window-hours", "24"))
                        .getConfigMapping(SimilarConfig.class)
                        .windowHours())
                .isEqualTo(24);
        for (String bad : new String[] {"0", "721", "three days"}) {
            assertThatThrownBy(() -> read(SimilarConfig.class, Map.of("terpadu.similar.window-hours", bad)))
                    .hasMessageContaining("terpadu.similar.window-hours");
        }
    }
}

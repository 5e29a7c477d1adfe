package id.terpadu.earlywarning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.config.ConfigMapping;

import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Classification;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningResponse;
import id.terpadu.reference.ReferenceItem;
import id.terpadu.reference.ReferenceService;
import id.terpadu.region.RegionService;
import id.terpadu.verification.Verification;

/**
 * Early warnings as alerts: one version as a CAP 1.2 alert whose message type and references follow the warning's
 * change log, and the current public warnings for the Atom feed. Visibility is the JSON API's: the warning must be
 * in the caller's region scope and clearance (404 otherwise); the feed holds PUBLIC warnings in the caller's scope.
 * The mapping itself is {@link CapMapping}.
 */
@ApplicationScoped
public class CapAlerts {

    /** The most entries the feed holds. */
    static final int FEED_SIZE = 100;

    private static final String CATEGORIES = "conflict-categories";

    /** Who sends the alerts (configuration {@code terpadu.cap.*}), checked at start. */
    @ConfigMapping(prefix = "terpadu.cap")
    public interface Config {
        /** CAP {@code sender}: globally unique, without spaces, commas, {@code <} or {@code &}. */
        @Pattern(
                regexp = "^[^ \\t\\n\\x0B\\f\\r,<&]+$",
                message = "must have no spaces, commas, < or & (CAP 1.2 sender)")
        String sender();

        @NotBlank
        String senderName();
    }

    /** One entry of the Atom feed: a current public warning. */
    record FeedEntry(
            UUID id,
            String title,
            Instant updated,
            Instant published,
            String summary,
            String categoryCode,
            String categoryLabel) {}

    private final WarningService warnings;
    private final RegionService regions;
    private final ReferenceService reference;
    private final Config config;

    CapAlerts(WarningService warnings, RegionService regions, ReferenceService reference, Config config) {
        this.warnings = warnings;
        this.regions = regions;
        this.reference = reference;
        this.config = config;
    }

    String senderName() {
        return config.senderName();
    }

    /**
     * The warning's current version as a CAP alert; 404 when the caller may not see the warning. The versions before
     * it are walked in order to know which were sent as messages: a version of a PUBLIC warning that was not
     * published (no second pair of eyes yet) is a Draft, sent to nobody, unless an earlier message is live, which it
     * then cancels.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CapAlert alert(UUID id) {
        EarlyWarningResponse warning = warnings.alert(id);
        List<CapAlert.Reference> references = new ArrayList<>();
        boolean live = false;
        Instant sent = null;
        long seen = -1;
        for (ChangeEntry change : history(id)) {
            // A replacement that changed nothing logs its version again: a message is the version's first entry.
            if (change.version() <= seen) {
                continue;
            }
            seen = change.version();
            if (change.version() < warning.version()) {
                Message message = message(Version.of(change.snapshot()), live);
                if (message.sent()) {
                    references.add(new CapAlert.Reference(
                            config.sender(), CapAlert.identifier(id, change.version()), change.occurredAt()));
                    live = message.msgType().equals(CapMapping.UPDATE)
                            || message.msgType().equals(CapMapping.ALERT);
                }
            } else if (change.version() == warning.version()) {
                sent = change.occurredAt();
            }
        }
        if (sent == null) {
            sent = warning.updatedAt();
        }
        WarningStatus status = warning.status();
        Message message = message(Version.of(warning), live);
        return new CapAlert(
                CapAlert.identifier(id, warning.version()),
                config.sender(),
                sent,
                message.sent() ? CapMapping.STATUS : CapMapping.DRAFT,
                message.msgType(),
                CapMapping.scope(warning.classification()),
                CapMapping.restriction(warning.classification()),
                message.msgType().equals(CapMapping.CANCEL)
                        ? CapMapping.note(status, warning.verification().state())
                        : null,
                message.sent() ? references : List.of(),
                new CapAlert.Info(
                        event(warning.categoryCode()),
                        CapMapping.responseType(status),
                        CapMapping.urgency(warning.riskLevel(), status),
                        CapMapping.severity(warning.impact()),
                        CapMapping.certainty(warning.likelihood()),
                        warning.categoryCode(),
                        warning.expiresAt(),
                        config.senderName(),
                        warning.title(),
                        description(warning),
                        blankToNull(warning.recommendedActions()),
                        parameters(warning),
                        areaDesc(warning.regionCode(), regions.names(lineage(List.of(warning.regionCode())))),
                        CapMapping.circle(warning.point()),
                        warning.regionCode()));
    }

    /** The alert's parameters: the warning's status, risk, verification, when it was observed and what it concerns. */
    private static List<CapAlert.Parameter> parameters(EarlyWarningResponse warning) {
        List<CapAlert.Parameter> parameters = new ArrayList<>(List.of(
                new CapAlert.Parameter("TERPADU_STATUS", warning.status().name()),
                new CapAlert.Parameter(
                        "TERPADU_TINGKAT_RISIKO", warning.riskLevel().name()),
                new CapAlert.Parameter("TERPADU_SKOR_RISIKO", Integer.toString(warning.riskScore())),
                new CapAlert.Parameter(
                        "TERPADU_VERIFIKASI", warning.verification().state().name())));
        if (warning.observedAt() != null) {
            parameters.add(new CapAlert.Parameter("TERPADU_WAKTU_PENGAMATAN", CapAlert.time(warning.observedAt())));
        }
        String concerns = CapMapping.concerns(warning.concernsFrom(), warning.concernsUntil());
        if (concerns != null) {
            parameters.add(new CapAlert.Parameter("TERPADU_TANGGAL_SASARAN", concerns));
        }
        return parameters;
    }

    /** What a version was: its message type and whether it was sent (a Draft is not). */
    record Message(String msgType, boolean sent) {}

    /** The parts of a version that decide its message. */
    record Version(WarningStatus status, Verification verification, boolean releasable) {

        static Version of(EarlyWarningResponse w) {
            return new Version(
                    w.status(), w.verification().state(), w.classification() != Classification.PUBLIC || w.published());
        }

        /**
         * A version as the change log kept it. A snapshot from before verification existed has no
         * {@code verification}: it was sent as every version was then.
         */
        static Version of(JsonNode snapshot) {
            JsonNode status = snapshot == null ? null : snapshot.get("status");
            JsonNode verification =
                    snapshot == null ? null : snapshot.path("verification").get("state");
            JsonNode published = snapshot == null ? null : snapshot.get("published");
            JsonNode classification = snapshot == null ? null : snapshot.get("classification");
            return new Version(
                    status == null || !status.isTextual() ? null : WarningStatus.valueOf(status.asText()),
                    verification == null || !verification.isTextual()
                            ? null
                            : Verification.valueOf(verification.asText()),
                    verification == null
                            || classification == null
                            || !Classification.PUBLIC.name().equals(classification.asText())
                            || (published != null && published.asBoolean()));
        }
    }

    /**
     * The message of a version: one that may be sent (not PUBLIC, or published) is an Alert, an Update of a live
     * message, or a Cancel when it subsided, escalated or proved invalid or a duplicate; one that may not is a Cancel
     * of a live message, else a Draft.
     */
    static Message message(Version version, boolean live) {
        if (!version.releasable()) {
            return live ? new Message(CapMapping.CANCEL, true) : new Message(CapMapping.ALERT, false);
        }
        if (CapMapping.cancels(version.status()) || CapMapping.invalidates(version.verification())) {
            return new Message(CapMapping.CANCEL, true);
        }
        return new Message(live ? CapMapping.UPDATE : CapMapping.ALERT, true);
    }

    /** The current public warnings in the caller's scope, newest change first, at most {@link #FEED_SIZE}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedEntry> feed() {
        List<EarlyWarningResponse> current = warnings.currentPublic(FEED_SIZE);
        Map<String, String> names = regions.names(
                lineage(current.stream().map(EarlyWarningResponse::regionCode).toList()));
        Map<String, String> labels = categoryLabels();
        return current.stream()
                .map(w -> new FeedEntry(
                        w.id(),
                        w.title(),
                        w.updatedAt(),
                        w.createdAt(),
                        "Risiko " + w.riskLevel() + " (kemungkinan " + w.likelihood() + " × dampak " + w.impact()
                                + ") di " + areaDesc(w.regionCode(), names) + "; status " + w.status() + ".",
                        w.categoryCode(),
                        labels.getOrDefault(w.categoryCode(), w.categoryCode())))
                .toList();
    }

    /** Every change of the warning, oldest first, read page by page through the service. */
    private List<ChangeEntry> history(UUID id) {
        List<ChangeEntry> changes = new ArrayList<>();
        String cursor = null;
        do {
            Page<ChangeEntry> page =
                    warnings.history(id, PageRequest.of(Integer.toString(PageRequest.MAX_LIMIT), cursor));
            changes.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return changes;
    }

    private String event(String categoryCode) {
        return "Potensi konflik sosial: " + categoryLabels().getOrDefault(categoryCode, categoryCode);
    }

    private Map<String, String> categoryLabels() {
        Map<String, String> labels = new HashMap<>();
        for (ReferenceItem item : reference.items(CATEGORIES, "id")) {
            labels.put(item.code(), item.label().id());
        }
        return labels;
    }

    /** The warning's own text, then its indicators and its risk assessment, in Indonesian. */
    static String description(EarlyWarningResponse w) {
        StringBuilder text = new StringBuilder();
        if (blankToNull(w.description()) != null) {
            text.append(w.description().strip()).append("\n\n");
        }
        if (!w.indicators().isEmpty()) {
            text.append("Indikator:\n");
            w.indicators()
                    .forEach(indicator -> text.append("- ").append(indicator).append('\n'));
            text.append('\n');
        }
        return text.append("Penilaian risiko: kemungkinan ")
                .append(w.likelihood())
                .append(" × dampak ")
                .append(w.impact())
                .append(" = skor ")
                .append(w.riskScore())
                .append(" (")
                .append(w.riskLevel())
                .append("). Status: ")
                .append(w.status())
                .append('.')
                .toString();
    }

    /** The codes and every code above them: what an area description names. */
    private static Set<String> lineage(Collection<String> codes) {
        Set<String> all = new LinkedHashSet<>();
        for (String code : codes) {
            for (String c = code; c != null; c = RegionCode.parent(c)) {
                all.add(c);
            }
        }
        return all;
    }

    /** The region's name and those of the regions above it: {@code Kota Pariaman, Sumatera Barat}. */
    private static String areaDesc(String code, Map<String, String> names) {
        List<String> parts = new ArrayList<>();
        for (String c = code; c != null; c = RegionCode.parent(c)) {
            parts.add(names.getOrDefault(c, c));
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package id.terpadu.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.changelog.RecordTypes;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;
import id.terpadu.region.RegionService;
import id.terpadu.webhook.WebhookDtos.AttemptResponse;
import id.terpadu.webhook.WebhookDtos.DeliveryResponse;
import id.terpadu.webhook.WebhookDtos.EnableInput;
import id.terpadu.webhook.WebhookDtos.SubscriptionInput;
import id.terpadu.webhook.WebhookDtos.SubscriptionResponse;

/**
 * Webhook subscriptions and their delivery logs. Rules: the target is an https URL of a public host (see
 * {@link TargetUrls}); event types are the published record types ({@link RecordTypes}); the region lies in the creator's scope (absent:
 * the creator's scope, which must then be national or a single region); the maximum classification is at most
 * what the creator may read. A subscription is visible (and changeable) to ADMIN and COORDINATOR callers whose scope
 * covers its region (a national one: national callers only) and who may read its maximum classification; others get
 * a 404. The secret is shown once, in the answer to the create; neither the change log nor the Idempotency-Key store
 * keeps it.
 */
@ApplicationScoped
public class WebhookService {

    /** Webhook subscriptions: in the change log (history), never published. */
    @Produces
    public static final RecordType SUBSCRIPTION =
            RecordType.internal("webhook-subscription", WebhookSubscription.class);

    static final String SYSTEM_ACTOR = "system:webhook-delivery";

    private final WebhookRepository subscriptions;
    private final Caller caller;
    private final Clearance clearance;
    private final Records records;
    private final RegionService regions;
    private final WebhookSettings settings;
    private final RecordTypes recordTypes;

    WebhookService(
            WebhookRepository subscriptions,
            Caller caller,
            Clearance clearance,
            Records records,
            RegionService regions,
            WebhookSettings settings,
            RecordTypes recordTypes) {
        this.recordTypes = recordTypes;
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.clearance = clearance;
        this.records = records;
        this.regions = regions;
        this.settings = settings;
    }

    // ---- subscriptions ----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubscriptionResponse> list(SubscriptionStatus status, PageRequest page) {
        Filter filter =
                caller.scope().restrict(new Filter(), new RegionScope.Columns("e.regionCode", null, null, false));
        clearance.restrict(filter, "e.maxClassification").andIf(status, "e.status = :?", status);
        return subscriptions.page(filter, page).map(s -> SubscriptionResponse.from(s, false));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionResponse get(UUID id) {
        return SubscriptionResponse.from(subscriptions.visible(id), false);
    }

    @Transactional
    public SubscriptionResponse create(SubscriptionInput input) {
        String region = region(input.regionCode());
        Classification max = input.maxClassification() == null ? Classification.PUBLIC : input.maxClassification();
        if (!clearance.canRead(max)) {
            throw ProblemException.forbidden(Message.of("webhook.classification.above", "classification", max));
        }
        List<String> types = eventTypes(input.eventTypes());
        String url = TargetUrls.check(input.url(), settings.allowPrivateTargets, "url")
                .toString();
        WebhookSubscription s = new WebhookSubscription();
        s.id = records.newId(WebhookSubscription.class, input.id());
        s.url = url;
        s.description = blankToNull(input.description());
        s.eventTypes = types.toArray(String[]::new);
        s.regionCode = region;
        s.maxClassification = max;
        s.secret = Signatures.newSecret();
        s.status = SubscriptionStatus.ACTIVE;
        return records.created(
                s, SUBSCRIPTION, region, x -> SubscriptionResponse.from(x, true), SubscriptionResponse::withoutSecret);
    }

    /** The subscription's region: the one asked for, within the caller's scope, or the caller's single region. */
    private String region(String requested) {
        RegionScope scope = caller.scope();
        String region = blankToNull(requested);
        if (region == null) {
            if (scope.codes().size() > 1) {
                throw ProblemException.invalid(
                        "regionCode", Message.of("webhook.region.required", "scope", scope.codes()));
            }
            return scope.isNational() ? null : scope.codes().get(0);
        }
        scope.requireWritable(region, "regionCode");
        regions.requireExisting(region, "regionCode");
        return region;
    }

    /**
     * The event types asked for: published record types. A task's or activity's change is classified as its parent was
     * at that moment, and the queue compares that with the subscription's maximum like any other change.
     */
    private List<String> eventTypes(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : requested) {
            String t = name.trim();
            RecordType type = recordTypes
                    .find(t)
                    .filter(RecordType::published)
                    .orElseThrow(() -> ProblemException.invalid(
                            "eventTypes", Message.of("webhook.event-type.unknown"), recordTypes.publishedNames()));
            types.add(t);
        }
        return List.copyOf(types);
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        WebhookSubscription s = subscriptions.visible(id);
        ETags.check(expectedVersion, s.version);
        records.deleted(s, SUBSCRIPTION, s.regionCode);
    }

    /** Enables a DISABLED subscription; its pending deliveries are due at once, with a fresh retry window. */
    @Transactional
    public SubscriptionResponse enable(UUID id, EnableInput input) {
        WebhookSubscription s = subscriptions.visible(id);
        if (s.status == SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict(Message.of("webhook.already-active"));
        }
        Message refused = TargetUrls.refusedAddress(java.net.URI.create(s.url).getHost(), settings.allowPrivateTargets);
        if (refused != null) {
            throw ProblemException.conflict(Message.of("webhook.url.refused-now", "reason", refused));
        }
        s.status = SubscriptionStatus.ACTIVE;
        s.statusReason = input == null ? null : blankToNull(input.reason());
        subscriptions.duePending(id);
        return records.updated(s, SUBSCRIPTION, s.regionCode, x -> SubscriptionResponse.from(x, false));
    }

    /**
     * Disables a subscription whose delivery failed for the whole retry window; the change log names
     * {@value #SYSTEM_ACTOR}. Called by the worker, outside any request.
     */
    @ActivateRequestContext
    @Transactional
    public void disableAfterFailure(UUID id, UUID deliveryId, String lastError) {
        caller.actAsSystem(SYSTEM_ACTOR);
        WebhookSubscription s = subscriptions.findById(id);
        if (s == null || s.status != SubscriptionStatus.ACTIVE) {
            return;
        }
        s.status = SubscriptionStatus.DISABLED;
        String reason = "Delivery " + deliveryId + " failed for " + settings.retryWindow.toHours() + " h; last error: "
                + lastError;
        s.statusReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        records.updated(s, SUBSCRIPTION, s.regionCode, x -> SubscriptionResponse.from(x, false));
    }

    // ---- deliveries -------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryResponse> deliveries(UUID id, DeliveryStatus status, PageRequest page) {
        subscriptions.visible(id);
        Filter filter = new Filter().and("e.subscriptionId = :?", id).andIf(status, "e.status = :?", status);
        Page<WebhookDelivery> deliveries = subscriptions.deliveries(filter, page);
        Map<UUID, List<AttemptResponse>> attempts = subscriptions.attempts(
                deliveries.items().stream().map(d -> d.id).toList());
        return deliveries.map(d -> DeliveryResponse.from(d, attempts.getOrDefault(d.id, List.of())));
    }

    /**
     * Sends a delivery again (whatever its status), as soon as the worker next looks, with a fresh retry window
     * and the same webhook-id: a receiver that already has it may ignore it. 409 unless the subscription is ACTIVE.
     */
    @Transactional
    public DeliveryResponse redeliver(UUID id, UUID deliveryId) {
        WebhookSubscription s = subscriptions.visible(id);
        WebhookDelivery d = subscriptions.delivery(s.id, deliveryId);
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict(Message.of("webhook.not-active", "status", s.status));
        }
        subscriptions.redeliver(d);
        return DeliveryResponse.from(d, subscriptions.attempts(List.of(d.id)).getOrDefault(d.id, List.of()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package id.terpadu.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.AccountRights;
import id.terpadu.common.security.Caller;
import id.terpadu.notification.NotificationDtos.EventChannels;
import id.terpadu.notification.NotificationDtos.MarkReadInput;
import id.terpadu.notification.NotificationDtos.MarkReadResult;
import id.terpadu.notification.NotificationDtos.NotificationResponse;
import id.terpadu.notification.NotificationDtos.NotificationSummary;
import id.terpadu.notification.NotificationDtos.PreferencesInput;
import id.terpadu.notification.NotificationDtos.PreferencesResponse;

/**
 * The caller's own inbox and preferences. Notifications reach people's accounts: a caller without one (a token that
 * carries its own claims) has an empty inbox and the default preferences, and cannot save preferences (409).
 */
@ApplicationScoped
public class NotificationService {

    private static final TypeReference<Map<String, Preferences.Channels>> CHANNELS = new TypeReference<>() {};

    private final NotificationRepository repository;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final NotificationConfig config;

    NotificationService(
            NotificationRepository repository, Caller caller, ObjectMapper mapper, NotificationConfig config) {
        this.repository = repository;
        this.caller = caller;
        this.mapper = mapper;
        this.config = config;
    }

    /** The caller's account, or null for a person without one; an API key is refused (403). */
    private UUID account() {
        if (caller.apiKey() != null) {
            throw ProblemException.forbidden(Message.of("notification.people-only"));
        }
        AccountRights rights = caller.account();
        return rights == null ? null : rights.id();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NotificationResponse> list(Boolean unread, Long since, PageRequest page) {
        UUID account = account();
        return account == null ? new Page<>(List.of(), null) : repository.page(account, unread, since, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationSummary summary() {
        UUID account = account();
        if (account == null) {
            return new NotificationSummary(0, 0);
        }
        long[] counts = repository.summary(account);
        return new NotificationSummary(counts[0], counts[1]);
    }

    @Transactional
    public MarkReadResult markRead(MarkReadInput input) {
        UUID account = account();
        if (account == null) {
            return new MarkReadResult(0, 0);
        }
        int marked = repository.markRead(account, input.ids(), input.upTo());
        return new MarkReadResult(marked, repository.summary(account)[0]);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferencesResponse preferences() {
        UUID account = account();
        Object[] stored = account == null ? null : repository.preferences(account);
        if (stored == null) {
            return answer(Map.of(), EmailDelivery.IMMEDIATE, 0);
        }
        return answer(
                read((String) stored[0]), EmailDelivery.valueOf((String) stored[1]), ((Number) stored[2]).longValue());
    }

    @Transactional
    public PreferencesResponse replace(Long expectedVersion, PreferencesInput input) {
        Map<String, Preferences.Channels> channels = new LinkedHashMap<>();
        for (EventChannels event : input.events()) {
            if (channels.put(event.kind().name(), new Preferences.Channels(event.inbox(), event.email())) != null) {
                throw ProblemException.invalid(
                        "events", Message.of("notification.preferences.kind-twice", "kind", event.kind()));
            }
        }
        UUID account = account();
        if (account == null) {
            throw ProblemException.notFound(Message.of("notification.account-required"));
        }
        long current = repository.lockedVersion(account);
        ETags.check(expectedVersion, current);
        String json;
        try {
            json = mapper.writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preferences cannot be written", e);
        }
        long version = repository.savePreferences(account, json, input.emailDelivery(), current + 1);
        return answer(channels, input.emailDelivery(), version);
    }

    private Map<String, Preferences.Channels> read(String json) {
        try {
            return mapper.readValue(json, CHANNELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences cannot be read", e);
        }
    }

    private PreferencesResponse answer(Map<String, Preferences.Channels> stored, EmailDelivery delivery, long version) {
        List<EventChannels> events = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            Preferences.Channels c = stored.getOrDefault(kind.name(), Preferences.Channels.ALL);
            events.add(new EventChannels(kind, c.inbox(), c.email()));
        }
        return new PreferencesResponse(
                events, delivery, NotificationConfig.smtp(config).isPresent(), version);
    }
}

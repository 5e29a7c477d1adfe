package id.terpadu.apikey;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.agency.Agency;
import id.terpadu.agency.AgencyService;
import id.terpadu.apikey.ApiKeyDtos.ApiKeyCreated;
import id.terpadu.apikey.ApiKeyDtos.ApiKeyInput;
import id.terpadu.apikey.ApiKeyDtos.ApiKeyResponse;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.ApiKeyAuthentication;
import id.terpadu.common.security.ApiKeyScope;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;

/**
 * API keys of integration scripts. Rules: the key's agency is one the issuer may write for; its region scope lies
 * within the issuer's (national only from a national issuer); its classification is one the issuer reads, and
 * CONFIDENTIAL only for a cleared agency; it expires within a year; the key is random (32 bytes), shown once, and
 * stored as its SHA-256 only; revocation is immediate and final. A key is seen by its issuer's region: keys of
 * agencies in the caller's scope.
 */
@ApplicationScoped
public class ApiKeyService {

    /** API keys: in the change log (history), never published. */
    @Produces
    public static final RecordType API_KEY = RecordType.internal("api-key", ApiKey.class);

    static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final Caller caller;
    private final Clearance clearance;
    private final ChangeLog changeLog;
    private final Records records;
    private final AgencyService agencies;

    ApiKeyService(
            ApiKeyRepository keys,
            Caller caller,
            Clearance clearance,
            ChangeLog changeLog,
            Records records,
            AgencyService agencies) {
        this.keys = keys;
        this.caller = caller;
        this.clearance = clearance;
        this.changeLog = changeLog;
        this.records = records;
        this.agencies = agencies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyResponse> list(UUID agencyId, Boolean active, PageRequest page) {
        Filter filter = caller.scope()
                .restrict(new Filter().and("e.agencyId = a.id"), "a.regionCode")
                .andIf(agencyId, "e.agencyId = :?", agencyId);
        if (Boolean.TRUE.equals(active)) {
            filter.and("e.revokedAt is null and e.expiresAt > :?", Instant.now());
        } else if (Boolean.FALSE.equals(active)) {
            filter.and("(e.revokedAt is not null or e.expiresAt <= :?)", Instant.now());
        }
        return keys.page(filter, page).map(ApiKeyResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKeyResponse get(UUID id) {
        return ApiKeyResponse.from(keys.visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        keys.visible(id);
        return changeLog.history(API_KEY, id, page);
    }

    @Transactional
    public ApiKeyCreated create(ApiKeyInput input) {
        Agency agency = agencies.referenced(input.agencyId(), "agencyId");
        caller.scope().requireWritable(agency.regionCode, "agencyId");
        List<String> regionScope =
                input.regionScope().stream().map(String::trim).distinct().toList();
        if (regionScope.isEmpty()) {
            caller.scope().requireNational(Message.of("api-key.national.refused"));
        }
        for (int i = 0; i < regionScope.size(); i++) {
            if (!caller.scope().covers(regionScope.get(i))) {
                throw ProblemException.forbidden(Message.of(
                        "scope.region-outside",
                        "field",
                        "regionScope[" + i + "]",
                        "region",
                        regionScope.get(i),
                        "scope",
                        caller.scope().codes()));
            }
        }
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < input.scopes().size(); i++) {
            ApiKeyScope scope = ApiKeyScope.of(input.scopes().get(i));
            if (scope == null) {
                throw ProblemException.invalid(
                        "scopes[" + i + "]",
                        Message.of("api-key.scope.unknown"),
                        java.util.Arrays.stream(ApiKeyScope.values())
                                .map(ApiKeyScope::value)
                                .toList());
            }
            if (!scopes.contains(scope.value())) {
                scopes.add(scope.value());
            }
        }
        clearance.requireWritable(input.classification());
        if (input.classification() == Classification.CONFIDENTIAL && !clearance.agencyCleared(agency.id)) {
            throw ProblemException.forbidden(Message.of("api-key.agency.not-cleared"));
        }
        Instant now = Instant.now();
        if (!input.expiresAt().isAfter(now) || input.expiresAt().isAfter(now.plus(MAX_DAYS, ChronoUnit.DAYS))) {
            throw ProblemException.invalid("expiresAt", Message.of("api-key.expires-at.range", "maxDays", MAX_DAYS));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = "tpd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey();
        key.id = records.newId(ApiKey.class, input.id());
        key.agencyId = agency.id;
        key.name = input.name().trim();
        key.prefix = value.substring(0, 12);
        key.keyHash = ApiKeyAuthentication.hash(value);
        key.regionScope = new ArrayList<>(regionScope);
        key.scopes = scopes;
        key.classification = input.classification();
        key.expiresAt = input.expiresAt().truncatedTo(ChronoUnit.MICROS);
        ApiKeyResponse created = records.created(key, API_KEY, agency.regionCode, ApiKeyResponse::from);
        return new ApiKeyCreated(value, created);
    }

    @Transactional
    public ApiKeyResponse revoke(UUID id, String reason) {
        ApiKey key = keys.writable(id);
        if (key.revokedAt != null) {
            throw ProblemException.conflict(Message.of("api-key.revoked", "revokedAt", key.revokedAt));
        }
        key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        key.revokedBy = caller.subject();
        key.revocationReason = reason == null || reason.isBlank() ? null : reason.trim();
        return records.updated(key, API_KEY, keys.regionOf(key), ApiKeyResponse::from);
    }
}

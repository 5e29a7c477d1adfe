package id.terpadu.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.account.AccountDtos.AccountInput;
import id.terpadu.account.AccountDtos.AccountResponse;
import id.terpadu.account.AccountDtos.MeResponse;
import id.terpadu.agency.Agency;
import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.AccountRights;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.OidcIssuers;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.security.Role;

/**
 * Accounts of people. Rules: an account lies in its agency's region (national without an agency or with a national
 * one); an ADMIN manages the accounts its scope covers, a COORDINATOR too but never grants ADMIN nor manages an account
 * that holds it; the region scope granted lies within the caller's (national only from a national caller); INTEGRATION
 * is for API keys, never a person; the issuer is one the service accepts; one account per issuer and subject; nobody
 * deactivates their own account. Email and phone are personal data ({@link PersonalData}): shown to those who may
 * read them and to the person in {@code /me} (either read is recorded), masked in the change log.
 */
@ApplicationScoped
public class AccountService {

    /** Accounts: in the change log (history), never published. */
    @Produces
    public static final RecordType ACCOUNT = RecordType.internal("account", Account.class)
            .constraint("account_issuer_subject_key", Message.of("account.subject.exists"));

    private final AccountRepository accounts;
    private final Caller caller;
    private final Clearance clearance;
    private final PersonalData personalData;
    private final ChangeLog changeLog;
    private final Records records;
    private final AgencyService agencies;
    private final OidcIssuers issuers;

    AccountService(
            AccountRepository accounts,
            Caller caller,
            Clearance clearance,
            PersonalData personalData,
            ChangeLog changeLog,
            Records records,
            AgencyService agencies,
            OidcIssuers issuers) {
        this.accounts = accounts;
        this.caller = caller;
        this.clearance = clearance;
        this.personalData = personalData;
        this.changeLog = changeLog;
        this.records = records;
        this.agencies = agencies;
        this.issuers = issuers;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountResponse> list(AccountFilters.Query query, PageRequest page) {
        Filter filter = caller.scope()
                .restrict(new Filter(), new RegionScope.Columns("e.regionCode", null, null, false))
                .andIf(query.agencyId(), "e.agencyId = :?", query.agencyId())
                .andIf(query.active(), "e.active = :?", query.active())
                .andIf(query.issuer(), "e.issuer = :?", query.issuer());
        if (query.role() != null) {
            filter.and(
                    "function('jsonb_exists', e.roles, :?) = true", query.role().name());
        }
        if (query.q() != null) {
            filter.and("lower(e.name) like :?", Filter.containing(query.q()));
        }
        return accounts.page(filter, page).map(this::shown);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountResponse get(UUID id) {
        return shown(accounts.visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        accounts.visible(id);
        return changeLog.history(ACCOUNT, id, page);
    }

    @Transactional
    public AccountResponse create(AccountInput input) {
        Account account = new Account();
        account.id = records.newId(Account.class, input.id());
        apply(account, input);
        account.active = true;
        return records.created(account, ACCOUNT, account.regionCode, this::shown, AccountService::masked);
    }

    @Transactional
    public AccountResponse replace(UUID id, Long expectedVersion, AccountInput input) {
        Account account = manageable(id);
        Records.checkReplace(account, input.id(), expectedVersion);
        apply(account, input);
        return records.updated(account, ACCOUNT, account.regionCode, this::shown, AccountService::masked);
    }

    @Transactional
    public AccountResponse deactivate(UUID id, String reason) {
        Account account = manageable(id);
        if (!account.active) {
            throw ProblemException.conflict(Message.of("account.inactive", "deactivatedAt", account.deactivatedAt));
        }
        if (account.issuer.equals(caller.issuer()) && account.subject.equals(caller.subject())) {
            throw ProblemException.conflict(Message.of("account.self"));
        }
        account.active = false;
        account.deactivatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        account.deactivatedBy = caller.subject();
        account.deactivationReason = reason == null || reason.isBlank() ? null : reason.trim();
        return records.updated(account, ACCOUNT, account.regionCode, this::shown, AccountService::masked);
    }

    @Transactional
    public AccountResponse reactivate(UUID id) {
        Account account = manageable(id);
        if (account.active) {
            throw ProblemException.conflict(Message.of("account.active"));
        }
        account.active = true;
        account.deactivatedAt = null;
        account.deactivatedBy = null;
        account.deactivationReason = null;
        return records.updated(account, ACCOUNT, account.regionCode, this::shown, AccountService::masked);
    }

    /** Who the caller is and what it may do. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MeResponse me() {
        AccountRights rights = caller.account();
        AccountResponse own = null;
        String source = caller.apiKey() != null ? "api-key" : "token";
        if (rights != null) {
            source = "account";
            Account account = accounts.findById(rights.id());
            if (account != null) {
                own = view(account, true);
                if (account.email != null || account.phone != null) {
                    personalData.revealOwn(ACCOUNT.name(), account.id, account.regionCode);
                }
            }
        }
        List<String> roles = caller.roles().stream().sorted().toList();
        Classification highest = Classification.PUBLIC;
        for (Classification c : clearance.readable()) {
            if (c.ordinal() > highest.ordinal()) {
                highest = c;
            }
        }
        return new MeResponse(
                source,
                caller.issuer(),
                caller.subject(),
                caller.name(),
                caller.agencyId(),
                roles,
                caller.scope().codes(),
                highest.name(),
                personalData.mayRead(caller.agencyId()),
                own);
    }

    /** The account if the caller may change it: its region is writable and its rights are within the caller's. */
    private Account manageable(UUID id) {
        Account account = accounts.writable(id);
        requireWithinOwn(account.roles.stream().map(Role::valueOf).toList(), account.regionScope, "roles");
        return account;
    }

    private void apply(Account account, AccountInput input) {
        String issuer = input.issuer().trim();
        if (!issuers.accepted().contains(issuer)) {
            throw ProblemException.invalid(
                    "issuer", Message.of("account.issuer.unknown"), List.copyOf(issuers.accepted()));
        }
        String region = null;
        UUID agencyId = null;
        if (input.agencyId() != null) {
            Agency agency = agencies.referenced(input.agencyId(), "agencyId");
            region = agency.regionCode;
            agencyId = agency.id;
        }
        caller.scope().requireWritable(region, "agencyId");
        List<Role> roles = input.roles().stream().distinct().toList();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == Role.INTEGRATION) {
                throw ProblemException.invalid("roles[" + i + "]", Message.of("account.role.integration"));
            }
        }
        List<String> scope =
                input.regionScope().stream().map(String::trim).distinct().toList();
        requireWithinOwn(roles, scope, "roles");
        account.issuer = issuer;
        account.subject = input.subject().trim();
        account.name = input.name().trim();
        account.agencyId = agencyId;
        account.regionCode = region;
        account.roles = new ArrayList<>(roles.stream().map(Role::name).toList());
        account.regionScope = new ArrayList<>(scope);
        account.email = blankToNull(input.email());
        account.phone = blankToNull(input.phone());
        account.language = input.language() == null ? "id" : input.language();
    }

    /** 403 unless these roles and this scope are within the caller's: no ADMIN from a non-ADMIN, no wider scope. */
    private void requireWithinOwn(List<Role> roles, List<String> scope, String field) {
        if (roles.contains(Role.ADMIN) && !caller.hasRole(Role.ADMIN_)) {
            throw ProblemException.forbidden(Message.of("account.role.beyond", "role", Role.ADMIN_));
        }
        if (scope.isEmpty()) {
            caller.scope().requireNational(Message.of("account.national.refused"));
        }
        for (int i = 0; i < scope.size(); i++) {
            if (!caller.scope().covers(scope.get(i))) {
                throw ProblemException.forbidden(Message.of(
                        "scope.region-outside",
                        "field",
                        "regionScope[" + i + "]",
                        "region",
                        scope.get(i),
                        "scope",
                        caller.scope().codes()));
            }
        }
    }

    /** The account as the caller may see it: personal data shown when it may read it (and the read recorded). */
    private AccountResponse shown(Account a) {
        return view(a, personalData.reveal(ACCOUNT.name(), a.id, a.regionCode, a.agencyId));
    }

    static AccountResponse view(Account a, boolean reveal) {
        return new AccountResponse(
                a.id,
                a.issuer,
                a.subject,
                a.name,
                a.agencyId,
                a.regionCode,
                a.roles.stream().map(Role::valueOf).toList(),
                List.copyOf(a.regionScope),
                reveal ? a.email : PersonalData.maskEmail(a.email),
                reveal ? a.phone : PersonalData.maskNumber(a.phone),
                a.language,
                a.active,
                a.deactivatedAt,
                a.deactivatedBy,
                a.deactivationReason,
                reveal,
                a.version,
                a.createdAt,
                a.updatedAt);
    }

    /** The account as the change log keeps it: email and phone masked, whoever reads the history later. */
    static AccountResponse masked(AccountResponse r) {
        return new AccountResponse(
                r.id(),
                r.issuer(),
                r.subject(),
                r.name(),
                r.agencyId(),
                r.regionCode(),
                r.roles(),
                r.regionScope(),
                PersonalData.maskEmail(r.email()),
                PersonalData.maskNumber(r.phone()),
                r.language(),
                r.active(),
                r.deactivatedAt(),
                r.deactivatedBy(),
                r.deactivationReason(),
                false,
                r.version(),
                r.createdAt(),
                r.updatedAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

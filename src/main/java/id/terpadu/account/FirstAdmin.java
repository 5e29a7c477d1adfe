package id.terpadu.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.OidcIssuers;
import id.terpadu.common.security.Role;

/**
 * The first ADMIN: a national ADMIN account created at start for {@code terpadu.accounts.first-admin.issuer} and
 * {@code .subject} when that issuer and subject have no account yet (an existing one, even deactivated, is left
 * alone). By subject, not by a username or email matched at the first login: a subject is the provider's stable,
 * never reassigned id of the person, where a username or email can be changed or given to somebody else. The officer
 * finds it in the 403 of their first request, or in the provider's console.
 */
@ApplicationScoped
public class FirstAdmin {

    static final String ACTOR = "system:first-admin";

    /** {@code terpadu.accounts.first-admin.*}. */
    @ConfigMapping(prefix = "terpadu.accounts.first-admin")
    public interface Config {
        /** The issuer of the first administrator's tokens: one of the allowed issuers. */
        Optional<String> issuer();

        /** The subject ({@code sub}) of the first administrator's tokens at that issuer. */
        Optional<String> subject();

        /** The name the account gets. */
        @WithDefault("Administrator")
        String name();
    }

    private final Config config;
    private final AccountRepository accounts;
    private final Records records;
    private final Caller caller;
    private final OidcIssuers issuers;

    FirstAdmin(Config config, AccountRepository accounts, Records records, Caller caller, OidcIssuers issuers) {
        this.config = config;
        this.accounts = accounts;
        this.records = records;
        this.caller = caller;
        this.issuers = issuers;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (config.issuer().isEmpty() && config.subject().isEmpty()) {
            return;
        }
        String issuer = config.issuer()
                .orElseThrow(() -> new IllegalStateException(
                        "terpadu.accounts.first-admin.subject is set without terpadu.accounts.first-admin.issuer"));
        String subject = config.subject()
                .orElseThrow(() -> new IllegalStateException(
                        "terpadu.accounts.first-admin.issuer is set without terpadu.accounts.first-admin.subject"));
        if (!issuers.accepted().contains(issuer)) {
            throw new IllegalStateException("terpadu.accounts.first-admin.issuer is not an accepted issuer: "
                    + "allow it with terpadu.oidc.issuers.<name>.url");
        }
        caller.actAsSystem(ACTOR);
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (accounts.bySubject(issuer, subject) != null) {
                return false;
            }
            Account account = new Account();
            account.id = UUID.randomUUID();
            account.issuer = issuer;
            account.subject = subject;
            account.name = config.name();
            account.roles = new ArrayList<>(List.of(Role.ADMIN_));
            account.regionScope = new ArrayList<>();
            account.language = "id";
            account.active = true;
            records.created(
                    account, AccountService.ACCOUNT, null, a -> AccountService.view(a, false), AccountService::masked);
            return true;
        });
        if (created) {
            Log.infof("Created the first ADMIN account for issuer %s", issuer);
        }
    }
}

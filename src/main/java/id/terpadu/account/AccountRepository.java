package id.terpadu.account;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;

/**
 * Accounts: every query of the aggregate but the lookup of a token's account, which {@code AccountAugmentor} does
 * during authentication. An account lies in its agency's region; a national account (no agency, or a national one)
 * is seen only by national callers, unlike other national records, since it carries rights over the whole country.
 */
@ApplicationScoped
public class AccountRepository extends ScopedRepository<Account> {

    private static final List<SortKey> ORDER = List.of(SortKey.instantDesc("e.createdAt"), SortKey.uuidDesc("e.id"));

    AccountRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(Account account) {
        return account.regionCode;
    }

    @Override
    protected boolean reads(RegionScope scope, String region) {
        return scope.covers(region);
    }

    @Override
    protected String regionField() {
        return "agencyId";
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("account.not-found", "id", id);
    }

    /** The account of a token's issuer and subject, if any. */
    Account bySubject(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResult();
    }

    /** The accounts of an agency, whatever the caller's scope (an agency's move takes them all along). */
    List<Account> ofAgency(UUID agencyId) {
        return list("agencyId = ?1 order by id", agencyId);
    }

    /** A page of accounts ({@code e}) by the filter; newest first. */
    Page<Account> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Account.class,
                "Account e",
                filter,
                ORDER,
                page,
                a -> List.of(a.createdAt.toString(), a.id.toString()));
    }
}

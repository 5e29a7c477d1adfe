package id.terpadu.apikey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.agency.AgencyRepository;
import id.terpadu.common.error.Message;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;

/**
 * API keys: every query of the aggregate but the lookup of a presented key, which {@code ApiKeyAuthentication} does
 * before any request context exists. A key lies in its agency's region: seen by callers whose scope reads it, written
 * (revoked) by those whose scope writes it, and the 403 names {@code agencyId}.
 */
@ApplicationScoped
public class ApiKeyRepository extends ScopedRepository<ApiKey> {

    private static final List<SortKey> ORDER = List.of(SortKey.instantDesc("e.createdAt"), SortKey.uuidDesc("e.id"));

    private final AgencyRepository agencies;

    ApiKeyRepository(Caller caller, Clearance clearance, AgencyRepository agencies) {
        super(caller, clearance);
        this.agencies = agencies;
    }

    @Override
    public String regionOf(ApiKey key) {
        return agencies.findById(key.agencyId).regionCode;
    }

    @Override
    protected String regionField() {
        return "agencyId";
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("api-key.not-found", "id", id);
    }

    /** A page of keys ({@code e}) by the filter, which names their agency ({@code a}); newest first. */
    Page<ApiKey> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                ApiKey.class,
                "ApiKey e, Agency a",
                filter,
                ORDER,
                page,
                k -> List.of(k.createdAt.toString(), k.id.toString()));
    }
}

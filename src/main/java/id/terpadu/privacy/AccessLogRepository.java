package id.terpadu.privacy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;

/** The personal-data access log as the API reads it (its rows are written by {@link AccessLogWriter}). */
@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<PersonalDataAccess, UUID> {

    private static final List<SortKey> ORDER = List.of(SortKey.instantDesc("e.accessedAt"), SortKey.uuidDesc("e.id"));

    /** A page of the filter's reads, newest first. */
    Page<PersonalDataAccess> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                PersonalDataAccess.class,
                "PersonalDataAccess e",
                filter,
                ORDER,
                page,
                a -> List.of(a.accessedAt.toString(), a.id.toString()));
    }
}

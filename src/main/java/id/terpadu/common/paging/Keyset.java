package id.terpadu.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Keyset pagination, the one way lists are read: {@code where <filter> and (keys) > (cursor) order by keys
 * limit n+1}. No count is ever taken; the extra row tells whether a next page exists.
 */
public final class Keyset {

    private Keyset() {}

    /**
     * @param from  the HQL source with alias {@code e}, e.g. {@code "Agency e"}
     * @param keyOf the sort-key values of an entity, in the order of {@code keys}, as cursor text
     */
    public static <E> Page<E> page(
            EntityManager em,
            Class<E> type,
            String from,
            Filter filter,
            List<SortKey> keys,
            PageRequest request,
            Function<E, List<String>> keyOf) {
        return page(em, "e", type, from, filter, keys, request, Function.identity(), keyOf);
    }

    /**
     * As {@link #page(EntityManager, Class, String, Filter, List, PageRequest, Function)}, reading only the listed
     * paths ({@code select}, e.g. {@code "e.id, e.name"}) instead of managed entities: for large pages of read-only
     * views, where loading entities into the persistence context would cost more than the query itself.
     *
     * @param row maps the selected values, in the order of {@code select}, to the item
     */
    public static <R> Page<R> page(
            EntityManager em,
            String select,
            String from,
            Filter filter,
            List<SortKey> keys,
            PageRequest request,
            Function<Object[], R> row,
            Function<R, List<String>> keyOf) {
        return page(em, select, Object[].class, from, filter, keys, request, row, keyOf);
    }

    private static <T, R> Page<R> page(
            EntityManager em,
            String select,
            Class<T> type,
            String from,
            Filter filter,
            List<SortKey> keys,
            PageRequest request,
            Function<T, R> row,
            Function<R, List<String>> keyOf) {
        StringBuilder hql = new StringBuilder("select ")
                .append(select)
                .append(" from ")
                .append(from)
                .append(" where ")
                .append(filter.where());
        List<Object> cursorValues = new ArrayList<>();
        if (request.after() != null) {
            if (request.after().size() != keys.size()) {
                throw PageRequest.invalidCursor("cursor");
            }
            for (int i = 0; i < keys.size(); i++) {
                try {
                    cursorValues.add(keys.get(i).parse().apply(request.after().get(i)));
                } catch (RuntimeException e) {
                    throw PageRequest.invalidCursor("cursor");
                }
            }
            hql.append(" and (").append(after(keys)).append(')');
        }
        hql.append(" order by ");
        for (int i = 0; i < keys.size(); i++) {
            hql.append(i == 0 ? "" : ", ")
                    .append(keys.get(i).path())
                    .append(keys.get(i).descending() ? " desc" : " asc");
        }
        TypedQuery<T> query = em.createQuery(hql.toString(), type);
        filter.parameters().forEach(query::setParameter);
        for (int i = 0; i < cursorValues.size(); i++) {
            query.setParameter("k" + i, cursorValues.get(i));
        }
        query.setMaxResults(request.limit() + 1);
        List<T> rows = query.getResultList();
        List<R> items = new ArrayList<>(Math.min(rows.size(), request.limit()));
        for (int i = 0; i < rows.size() && i < request.limit(); i++) {
            items.add(row.apply(rows.get(i)));
        }
        if (rows.size() <= request.limit()) {
            return new Page<>(items, null);
        }
        return new Page<>(List.copyOf(items), PageRequest.encode(keyOf.apply(items.get(items.size() - 1))));
    }

    /** {@code k0 > :k0 or (k0 = :k0 and k1 > :k1) or …}, with {@code <} for descending keys. */
    private static String after(List<SortKey> keys) {
        StringBuilder clause = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                clause.append(" or ");
            }
            clause.append('(');
            for (int j = 0; j < i; j++) {
                clause.append(keys.get(j).path()).append(" = :k").append(j).append(" and ");
            }
            clause.append(keys.get(i).path())
                    .append(keys.get(i).descending() ? " < :k" : " > :k")
                    .append(i);
            clause.append(')');
        }
        return clause.toString();
    }

    /** 200 with the page and, when there is a next page, an RFC 8288 {@code Link: <…>; rel="next"} (relative). */
    public static Response ok(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder builder = Response.ok(page);
        if (page.nextCursor() != null) {
            java.net.URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build();
            builder.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return builder.build();
    }
}

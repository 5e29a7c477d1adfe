package id.terpadu.reference;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The reference data that the migrations hold (table {@code reference_item}): every query of it. There is no entity:
 * the statements are SQL (a recursive subtree, {@code attributes ->> name}) on the persistence context's
 * EntityManager, the one the Panache repositories use.
 */
@ApplicationScoped
public class ReferenceRepository {

    private final EntityManager em;

    ReferenceRepository(EntityManager em) {
        this.em = em;
    }

    /** The items of a kind in display order: code, labels, description, legal basis, parent, attributes as JSON. */
    @SuppressWarnings("unchecked")
    List<Object[]> items(String kind) {
        return em.createNativeQuery("""
                select code, label_id, label_en, description, legal_basis, parent_code, cast(attributes as text)
                from reference_item where kind = :kind order by sort_order, code
                """).setParameter("kind", kind).getResultList();
    }

    boolean isCode(String kind, String code) {
        return !em.createNativeQuery("select 1 from reference_item where kind = :kind and code = :code")
                .setParameter("kind", kind)
                .setParameter("code", code)
                .getResultList()
                .isEmpty();
    }

    /** The code's family: its top-most ancestor (the code itself when it has no parent) and all below that. */
    @SuppressWarnings("unchecked")
    List<String> family(String kind, String code) {
        return em.createNativeQuery("""
                with recursive up(code, parent_code) as (
                    select code, parent_code from reference_item where kind = :kind and code = :code
                    union all
                    select r.code, r.parent_code from reference_item r join up u on r.code = u.parent_code
                    where r.kind = :kind),
                tree(code) as (
                    select code from up where parent_code is null
                    union all
                    select r.code from reference_item r join tree t on r.parent_code = t.code where r.kind = :kind)
                select code from tree
                """)
                .setParameter("kind", kind)
                .setParameter("code", code)
                .getResultList();
    }

    /** The code and every code below it; empty when the code is unknown. */
    @SuppressWarnings("unchecked")
    List<String> codeWithDescendants(String kind, String code) {
        return em.createNativeQuery("""
                with recursive tree(code) as (
                    select code from reference_item where kind = :kind and code = :code
                    union all
                    select r.code from reference_item r join tree t on r.parent_code = t.code where r.kind = :kind)
                select code from tree
                """)
                .setParameter("kind", kind)
                .setParameter("code", code)
                .getResultList();
    }

    /** An attribute of a code, or null when the code or attribute is absent. */
    String attribute(String kind, String code, String name) {
        List<?> rows = em.createNativeQuery(
                        "select attributes ->> :name from reference_item where kind = :kind and code = :code")
                .setParameter("name", name)
                .setParameter("kind", kind)
                .setParameter("code", code)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** The codes of a kind whose attribute has the given value, in display order. */
    @SuppressWarnings("unchecked")
    List<String> codesWith(String kind, String attribute, String value) {
        return em.createNativeQuery("""
                select code from reference_item where kind = :kind and attributes ->> :name = :value
                order by sort_order, code
                """)
                .setParameter("kind", kind)
                .setParameter("name", attribute)
                .setParameter("value", value)
                .getResultList();
    }
}

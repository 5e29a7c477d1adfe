package id.terpadu.reference;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/** Reads the reference data that the migrations hold. */
@ApplicationScoped
public class ReferenceService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    /** Codes known to exist, as kind NUL code (a few hundred at most). */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ReferenceService(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferenceItem> items(String kind, String language) {
        if (!ReferenceKind.exists(kind)) {
            throw new ProblemException(id.terpadu.common.error.ProblemType.NOT_FOUND,
                    Message.of("reference.kind.unknown"), null, ReferenceKind.names());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select code, label_id, label_en, description, legal_basis, parent_code, cast(attributes as text)
                from reference_item where kind = :kind order by sort_order, code
                """).setParameter("kind", kind).getResultList();
        return rows.stream().map(row -> new ReferenceItem((String) row[0],
                new ReferenceItem.Label((String) row[1], (String) row[2]),
                "en".equals(language) ? (String) row[2] : (String) row[1],
                (String) row[3], (String) row[4], (String) row[5], attributes((String) row[6]))).toList();
    }

    /**
     * Whether {@code code} is a code of {@code kind}; for fields that take a reference code. Reference data changes
     * only with a migration, never while the service runs, so a code once found is remembered and not asked again.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isCode(String kind, String code) {
        String key = kind + '\u0000' + code;
        if (known.contains(key)) {
            return true;
        }
        boolean found = !em.createNativeQuery("select 1 from reference_item where kind = :kind and code = :code")
                .setParameter("kind", kind).setParameter("code", code).getResultList().isEmpty();
        if (found) {
            known.add(key);
        }
        return found;
    }

    /** A field that takes a code of {@code kind}: 400 naming the field and where the codes are listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireCode(String kind, String code, String field) {
        if (!isCode(kind, code)) {
            throw ProblemException.invalid(field, Message.of("reference.code.unknown", "kind", kind));
        }
    }

    /** The codes of {@code kind} at and below {@code code} (a filter): 400 naming the field when it is unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> requireSubtree(String kind, String code, String field) {
        List<String> codes = codeWithDescendants(kind, code);
        if (codes.isEmpty()) {
            throw ProblemException.invalid(field, Message.of("reference.code.unknown", "kind", kind));
        }
        return codes;
    }

    /** The code and every code below it (a category and its sub-categories); empty when the code is unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> codeWithDescendants(String kind, String code) {
        return em.createNativeQuery("""
                with recursive tree(code) as (
                    select code from reference_item where kind = :kind and code = :code
                    union all
                    select r.code from reference_item r join tree t on r.parent_code = t.code where r.kind = :kind)
                select code from tree
                """).setParameter("kind", kind).setParameter("code", code).getResultList();
    }

    /** An attribute of a code ({@code attributes ->> name}), or null when the code or attribute is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String attribute(String kind, String code, String name) {
        List<?> rows = em.createNativeQuery(
                "select attributes ->> :name from reference_item where kind = :kind and code = :code")
                .setParameter("name", name).setParameter("kind", kind).setParameter("code", code).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** The codes of a kind whose attribute has the given value, in display order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> codesWith(String kind, String attribute, String value) {
        return em.createNativeQuery("""
                select code from reference_item where kind = :kind and attributes ->> :name = :value
                order by sort_order, code
                """).setParameter("kind", kind).setParameter("name", attribute).setParameter("value", value)
                .getResultList();
    }

    private Map<String, Object> attributes(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reference attributes are not JSON", e);
        }
    }
}

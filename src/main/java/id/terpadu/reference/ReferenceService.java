package id.terpadu.reference;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.ProblemException;

/** Reads the reference data that the migrations hold. */
@ApplicationScoped
public class ReferenceService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;

    ReferenceService(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferenceItem> items(String kind, String language) {
        if (!ReferenceKind.exists(kind)) {
            throw new ProblemException(id.terpadu.common.error.ProblemType.NOT_FOUND,
                    "There is no reference kind '" + kind + "'", null, ReferenceKind.names());
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

    /** Whether {@code code} is a code of {@code kind}; for fields that take a reference code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isCode(String kind, String code) {
        return !em.createNativeQuery("select 1 from reference_item where kind = :kind and code = :code")
                .setParameter("kind", kind).setParameter("code", code).getResultList().isEmpty();
    }

    private Map<String, Object> attributes(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reference attributes are not JSON", e);
        }
    }
}

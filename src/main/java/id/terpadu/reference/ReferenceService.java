package id.terpadu.reference;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/** Reads the reference data that the migrations hold. */
@ApplicationScoped
public class ReferenceService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ReferenceRepository repository;
    private final ObjectMapper mapper;
    /** Codes known to exist, as kind NUL code (a few hundred at most). */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The families of codes ({@link #family}), as kind NUL code. */
    private final Map<String, List<String>> families = new java.util.concurrent.ConcurrentHashMap<>();

    ReferenceService(ReferenceRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferenceItem> items(String kind, String language) {
        if (!ReferenceKind.exists(kind)) {
            throw new ProblemException(
                    id.terpadu.common.error.ProblemType.NOT_FOUND,
                    Message.of("reference.kind.unknown"),
                    null,
                    ReferenceKind.names());
        }
        return repository.items(kind).stream()
                .map(row -> new ReferenceItem(
                        (String) row[0],
                        new ReferenceItem.Label((String) row[1], (String) row[2]),
                        "en".equals(language) ? (String) row[2] : (String) row[1],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        attributes((String) row[6])))
                .toList();
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
        boolean found = repository.isCode(kind, code);
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
    public List<String> codeWithDescendants(String kind, String code) {
        return repository.codeWithDescendants(kind, code);
    }

    /**
     * The family of a code: its top-most ancestor and everything below it (a category, its parent, their
     * sub-categories); empty when the code is unknown. Remembered like {@link #isCode}: reference data changes only
     * with a migration.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> family(String kind, String code) {
        if (code == null) {
            return List.of();
        }
        String key = kind + '\u0000' + code;
        List<String> known = families.get(key);
        if (known == null) {
            known = List.copyOf(repository.family(kind, code));
            if (!known.isEmpty()) {
                families.put(key, known);
            }
        }
        return known;
    }

    /** An attribute of a code ({@code attributes ->> name}), or null when the code or attribute is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String attribute(String kind, String code, String name) {
        return repository.attribute(kind, code, name);
    }

    /** The codes of a kind whose attribute has the given value, in display order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> codesWith(String kind, String attribute, String value) {
        return repository.codesWith(kind, attribute, value);
    }

    private Map<String, Object> attributes(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reference attributes are not JSON", e);
        }
    }
}

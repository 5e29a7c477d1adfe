package id.terpadu.common.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.FieldProblem;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemMapper;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Versioned;

/**
 * JSON Merge Patch (RFC 7396) of a record that is otherwise replaced by a PUT, implemented once: the record as it
 * stands is written as the PUT body would be, the patch is merged into that JSON tree, the result is bound to the PUT
 * body's record and validated like a PUT body (the same constraints, codes and messages), and the service's own
 * replace does the rest (its rules, If-Match, the change log, history, feed and webhooks). A {@code null} removes a
 * field, so an optional one becomes unset and a required one is refused by its {@code @NotNull}; an unknown field is
 * refused by the strict binding; a field the caller may not set is refused by the replace as on a PUT.
 *
 * <p><b>Concurrent edits of different fields.</b> {@code If-Match} names the version the client read. When the record
 * has moved on since, the patch is still applied if none of the fields it names changed between that version and the
 * current one, as the change log's snapshots of the two versions show (compared down to the nested field the patch
 * names), or changed only to the value the patch sets (a retry whose first answer was lost, or the same correction by
 * someone else: RFC 9110 §13.1.1 lets the change that was already made succeed); otherwise it is a 412 naming the
 * fields, with the current version as the answer's ETag. A field whose value
 * the change log keeps masked (names of persons) cannot be compared and so always needs the current version, as does a
 * field the log's snapshots do not hold, and a version the log does not hold.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    /** How every merge patch operation is described. */
    public static final String DESCRIPTION =
            "A JSON Merge Patch (RFC 7396, `Content-Type: application/merge-patch+json`): "
                    + "only the fields sent change, an object is merged field by field, an array or a value is replaced, and "
                    + "`null` removes an optional field (a required one is refused). The result must pass everything a PUT "
                    + "must, and is logged, published and answered as a PUT is. If-Match is required. When the record changed "
                    + "since the version If-Match names, the patch is still applied if none of the fields it names changed "
                    + "meanwhile, or changed only to the value it sets (a retry whose answer was lost); otherwise 412, with "
                    + "the current version as the answer's ETag. With an Idempotency-Key a retry gets the first answer again.";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ChangeLog changeLog;

    MergePatch(ObjectMapper mapper, Validator validator, ChangeLog changeLog) {
        this.mapper = mapper;
        this.validator = validator;
        this.changeLog = changeLog;
    }

    /**
     * What a record type's patch needs to know: its change-log type, the record its PUT takes, the fields whose logged
     * value is masked, and how its answer becomes its PUT body where the two differ in shape.
     */
    public record Target<I>(RecordType type, Class<I> input, Set<String> unlogged, UnaryOperator<ObjectNode> adapt) {

        /** Only the answer's fields that the PUT body has, after {@link #adapt}. */
        ObjectNode asInput(JsonNode answer) {
            ObjectNode node = adapt.apply(((ObjectNode) answer).deepCopy());
            Set<String> fields = new LinkedHashSet<>();
            Arrays.stream(input.getRecordComponents()).forEach(c -> fields.add(c.getName()));
            node.retain(fields);
            return node;
        }

        /**
         * The same target whose fields {@code names} the change log does not keep as they are (names of persons it
         * keeps masked, links it keeps elsewhere): a patch of one of them needs the current version.
         */
        public Target<I> unlogged(String... names) {
            return new Target<>(type, input, Set.of(names), adapt);
        }

        /** The same target whose answer is turned into its PUT body's shape by {@code adapt} first. */
        public Target<I> adapted(UnaryOperator<ObjectNode> adapt) {
            return new Target<>(type, input, unlogged, adapt);
        }
    }

    public static <I> Target<I> target(RecordType type, Class<I> input) {
        if (!input.isRecord()) {
            throw new IllegalArgumentException(input + " is not a record");
        }
        return new Target<>(type, input, Set.of(), UnaryOperator.identity());
    }

    /**
     * Applies {@code patch} to {@code current} (the record as its writer may see it, unmasked, read by the service
     * with the scope checks of its PUT) and hands the result to {@code replace} with the version it must be at.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <I, R> R apply(
            Target<I> target,
            JsonNode patch,
            Long expected,
            Supplier<? extends Versioned> current,
            BiFunction<Long, I, R> replace) {
        if (!(patch instanceof ObjectNode changes)) {
            Message message = Message.of("json.expected.object");
            throw new ProblemException(
                    ProblemType.MALFORMED_BODY,
                    Message.of("validation.field", "field", "body", "message", message),
                    List.of(FieldProblem.of("body", message)),
                    null);
        }
        // What the patch says on its own is judged before the record is read, as a PUT body is: its fields, their
        // types and bounds. Only then the record (404 or 403 as on a PUT), and the result as a whole.
        refuseInvalid(target, alone(changes), changes);
        Versioned record = current.get();
        ObjectNode merged = merge(target.asInput(mapper.valueToTree(record)), changes);
        I input = bind(target, merged);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return replace.apply(version(target, changes, expected, record), input);
    }

    private <I> I bind(Target<I> target, ObjectNode tree) {
        try {
            return mapper.treeToValue(tree, target.input());
        } catch (JacksonException e) {
            throw ProblemMapper.ofBody(e);
        } catch (IllegalArgumentException e) {
            // a record's constructor that refuses its arguments, as when a PUT body is read
            throw new ProblemException(ProblemType.MALFORMED_BODY, Message.of("json.unreadable"));
        }
    }

    /** The patch without its removals: what it sets. */
    private static ObjectNode alone(ObjectNode patch) {
        ObjectNode sets = patch.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = sets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                it.remove();
            } else if (field.getValue() instanceof ObjectNode nested) {
                field.setValue(alone(nested));
            }
        }
        return sets;
    }

    /**
     * 400 for what the patch sets that no record could take: an unknown field, a value of the wrong type, a value out
     * of its bounds. A constraint on a field the patch does not set (a required one it leaves as it is) waits for the
     * merged result.
     */
    private <I> void refuseInvalid(Target<I> target, ObjectNode sets, ObjectNode patch) {
        I partial = bind(target, sets);
        Set<ConstraintViolation<I>> violations = new java.util.LinkedHashSet<>();
        for (ConstraintViolation<I> v : validator.validate(partial)) {
            if (sets(patch, v.getPropertyPath())) {
                violations.add(v);
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** Whether the value at {@code path} comes from the patch: a field it sets, or inside an array it sets whole. */
    private static boolean sets(JsonNode patch, jakarta.validation.Path path) {
        JsonNode at = patch;
        for (jakarta.validation.Path.Node node : path) {
            if (node.getName() == null) {
                continue;
            }
            if (at.isArray()) {
                return true;
            }
            at = at.path(node.getName());
            if (at.isMissingNode() || at.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** The version the replace must find: the current one, when the patch may be applied to it. */
    private long version(Target<?> target, ObjectNode patch, Long expected, Versioned current) {
        long version = current.version();
        if (expected == null || expected == version) {
            return version;
        }
        if (expected < 0 || expected > version) {
            throw ETags.stale(expected, version);
        }
        Map<Long, JsonNode> logged = changeLog.snapshots(target.type(), current.id(), List.of(expected, version));
        JsonNode then = logged.get(expected);
        JsonNode now = logged.get(version);
        if (!(then instanceof ObjectNode) || !(now instanceof ObjectNode)) {
            throw ETags.stale(expected, version);
        }
        List<String> changed = new ArrayList<>();
        changed(patch, target.asInput(then), target.asInput(now), "", target.unlogged(), changed);
        if (!changed.isEmpty()) {
            throw ProblemException.stale(
                    Message.of("patch.changed-meanwhile", "version", expected, "fields", changed), version);
        }
        return version;
    }

    /**
     * The fields named by {@code patch} whose value differs between two versions, or that cannot be compared: not kept
     * as they are in the log, or absent from a snapshot.
     */
    private static void changed(
            ObjectNode patch, ObjectNode then, ObjectNode now, String prefix, Set<String> unlogged, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String path = prefix + name;
            boolean top = prefix.isEmpty();
            if (top && (unlogged.contains(name) || !then.has(name) || !now.has(name))) {
                out.add(path);
                continue;
            }
            JsonNode before = then.path(name);
            JsonNode after = now.path(name);
            if (field.getValue() instanceof ObjectNode nested
                    && before instanceof ObjectNode beforeObject
                    && after instanceof ObjectNode afterObject) {
                changed(nested, beforeObject, afterObject, path + ".", Set.of(), out);
            } else if (!same(before, after) && !same(after, field.getValue())) {
                // changed meanwhile, unless to what this patch sets: its own earlier try whose answer was lost, or
                // the same correction by someone else (RFC 9110 §13.1.1), which this patch cannot undo
                out.add(path);
            }
        }
    }

    /** Equal values; a missing nested field is {@code null}. */
    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isMissingNode() || a.isNull();
        boolean bNull = b == null || b.isMissingNode() || b.isNull();
        return aNull || bNull ? aNull && bNull : a.equals(b);
    }

    /** RFC 7396 §2: MergePatch(Target, Patch), on a copy. */
    static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        ObjectNode result = target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(field.getKey());
            } else if (value instanceof ObjectNode nested) {
                JsonNode existing = result.get(field.getKey());
                result.set(field.getKey(), merge(existing instanceof ObjectNode o ? o : result.objectNode(), nested));
            } else {
                result.set(field.getKey(), value.deepCopy());
            }
        }
        return result;
    }
}

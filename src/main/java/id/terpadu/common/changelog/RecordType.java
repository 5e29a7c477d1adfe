package id.terpadu.common.changelog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.terpadu.common.error.Message;

/**
 * A kind of record the change log keeps: the one place that says what a record type is called in the log, the feed
 * and webhooks, whether its changes are published there, where the classification of a change comes from, and what
 * a violated constraint of its table means to a client. Each feature declares its types as constants and produces
 * them as beans; {@link RecordTypes} collects them.
 *
 * @param name        the type's name in the change log, the feed and webhook event types ({@code incident})
 * @param entity      the entity class (its table holds the records), or the class of what is logged
 * @param published   whether its changes go to the change feed and webhooks
 * @param inheritedFrom where the classification comes from when the record has none of its own: empty for the
 *                    snapshot's own {@code classification} (PUBLIC when absent), else the parents one of which the
 *                    record has (a task is an incident's or an early warning's), whose classification it takes at the
 *                    time of the change
 * @param constraints what each named constraint of its table means when violated (a 409); a table's primary key
 *                    needs no entry: it means that a record with this id exists
 */
public record RecordType(
        String name, Class<?> entity, boolean published, List<Parent> inheritedFrom, Map<String, Message> constraints) {

    /**
     * A parent whose classification a record takes: the parent's table (with a {@code classification} column) and the
     * field of the record's snapshot that holds the parent's id.
     */
    public record Parent(String table, String idField) {
        public Parent {
            if (!table.matches("[a-z_]+") || !idField.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("a parent is a table name and a snapshot field name");
            }
        }
    }

    public RecordType {
        inheritedFrom = List.copyOf(inheritedFrom);
        constraints = Map.copyOf(constraints);
    }

    /** Whether its classification is its parent's rather than its own. */
    public boolean inherits() {
        return !inheritedFrom.isEmpty();
    }

    /** A record type whose changes stay in the change log (history) and are not published. */
    public static RecordType internal(String name, Class<?> entity) {
        return new RecordType(name, entity, false, List.of(), Map.of());
    }

    /** A record type whose changes are published to the feed and webhooks. */
    public static RecordType published(String name, Class<?> entity) {
        return new RecordType(name, entity, true, List.of(), Map.of());
    }

    /**
     * This type, taking the classification of the parent named by {@code idField} of its snapshot. Called again, it
     * names another parent a record may have instead (the first one whose field is set gives the classification).
     */
    public RecordType classifiedAs(String parentTable, String idField) {
        List<Parent> parents = new ArrayList<>(inheritedFrom);
        parents.add(new Parent(parentTable, idField));
        return new RecordType(name, entity, published, parents, constraints);
    }

    /** This type, with the meaning of a violated constraint of its table. */
    public RecordType constraint(String constraintName, Message message) {
        Map<String, Message> more = new LinkedHashMap<>(constraints);
        more.put(constraintName, message);
        return new RecordType(name, entity, published, inheritedFrom, more);
    }

    @Override
    public String toString() {
        return name;
    }
}

package id.terpadu.common.changelog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.arc.All;

import id.terpadu.common.error.Constraints;
import id.terpadu.common.error.Message;

/**
 * The registry of record types: every {@link RecordType} a feature produces as a bean. It answers which types are
 * published (the feed's and the webhooks' event types) and what a violated constraint means.
 */
@Singleton
public class RecordTypes implements Constraints.Meanings {

    private final List<RecordType> all;
    private final List<String> published;
    private final Map<String, RecordType> byName = new HashMap<>();
    private final Map<String, Message> constraints = new HashMap<>();

    RecordTypes(@All List<RecordType> types) {
        this.all = types.stream().sorted(Comparator.comparing(RecordType::name)).toList();
        for (RecordType type : all) {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalStateException("two record types are named " + type.name());
            }
            type.constraints().forEach((name, message) -> {
                if (constraints.put(name, message) != null) {
                    throw new IllegalStateException("two record types declare constraint " + name);
                }
            });
        }
        this.published =
                all.stream().filter(RecordType::published).map(RecordType::name).toList();
    }

    /** Every record type, by name. */
    public List<RecordType> all() {
        return all;
    }

    /** The names of the types whose changes the feed and webhooks publish, in order. */
    public List<String> publishedNames() {
        return published;
    }

    public Optional<RecordType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Optional<Message> of(String constraint) {
        return Optional.ofNullable(constraints.get(constraint));
    }
}

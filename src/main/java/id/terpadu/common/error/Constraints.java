package id.terpadu.common.error;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.arc.Arc;

/**
 * What a violated database constraint means to a client. Services check these rules first and answer with a
 * precise message; the constraints stay as the guarantee under concurrency, and this words the 409. A primary key
 * means that a record with this id exists; every other constraint's meaning is declared by the record type whose
 * table holds it, and found through {@link Meanings}.
 */
public final class Constraints {

    /** The meanings of the constraints the features declared (the registry of record types). */
    public interface Meanings {
        Optional<Message> of(String constraint);
    }

    private Constraints() {}

    static ProblemException problem(String constraint) {
        String key = constraint == null ? "" : constraint.toLowerCase(Locale.ROOT);
        if (key.endsWith("_pkey")) {
            return ProblemException.conflict(Message.of("record.exists"));
        }
        var meanings = Arc.container() == null ? null : Arc.container().instance(Meanings.class);
        Message message = meanings == null || !meanings.isAvailable()
                ? null
                : meanings.get().of(key).orElse(null);
        return ProblemException.conflict(message == null ? Message.of("record.conflict") : message);
    }
}

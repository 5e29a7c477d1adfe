package id.terpadu.common.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * The moves a status machine allows, from each state to the next ones, and the one way a forbidden move is refused:
 * a 409 whose {@code allowed} lists the states the record may move to now (empty when it is final). Every state must
 * be given its moves, even none, so that a state added to the enum and forgotten here fails at class load.
 */
public final class StateTable<S extends Enum<S>> {

    private final Map<S, Set<S>> next;

    private StateTable(Map<S, Set<S>> next) {
        this.next = next;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** The states {@code from} may move to; empty for a final state. */
    public Set<S> next(S from) {
        return next.get(from);
    }

    public boolean allows(S from, S to) {
        return next.get(from).contains(to);
    }

    public boolean isFinal(S state) {
        return next.get(state).isEmpty();
    }

    /** The names of the states {@code from} may move to, for a problem's {@code allowed}. */
    public List<String> allowedNames(S from) {
        return next.get(from).stream().map(Enum::name).toList();
    }

    /** Refuses with a 409 (the allowed next states listed) unless {@code from} may move to {@code to}. */
    public void require(S from, S to, Supplier<Message> detail) {
        if (!allows(from, to)) {
            throw refused(from, detail.get());
        }
    }

    /** The 409 for a move out of {@code from} that is not allowed, listing the states it may move to. */
    public ProblemException refused(S from, Message detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, null, allowedNames(from));
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> type;
        private final Map<S, Set<S>> next;

        private Builder(Class<S> type) {
            this.type = type;
            this.next = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> from(S state, S... to) {
            if (next.put(
                            state,
                            Collections.unmodifiableSet(to.length == 0 ? EnumSet.noneOf(type) : EnumSet.of(to[0], to)))
                    != null) {
                throw new IllegalStateException(state + " is given its moves twice");
            }
            return this;
        }

        public StateTable<S> build() {
            for (S state : type.getEnumConstants()) {
                if (!next.containsKey(state)) {
                    throw new IllegalStateException(type.getSimpleName() + "." + state + " has no moves given");
                }
            }
            return new StateTable<>(next);
        }
    }
}

package id.terpadu.verification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Role;
import id.terpadu.reference.ReferenceService;
import id.terpadu.verification.VerificationDtos.VerificationInput;

/**
 * The rules of verification shared by early warnings and incidents: where a new record starts (the rule of its
 * source, reference data), who may verify (never the record's author: a second pair of eyes), the table of moves
 * ({@link Verification#TABLE}), and what each state needs (a note, the duplicated record). Whether the duplicated
 * record exists and may be named is asked of its own type's service.
 */
@ApplicationScoped
public class Verifications {

    static final String SOURCE_KINDS = "source-kinds";

    private final Caller caller;
    private final ReferenceService reference;

    Verifications(Caller caller, ReferenceService reference) {
        this.caller = caller;
        this.reference = reference;
    }

    /**
     * Where a new record's verification starts: TERVERIFIKASI by its author when the rule of its source says so
     * ({@code source-kinds} attribute {@code startsVerified}), else BELUM_DIVERIFIKASI. A start by rule counts as
     * verified for lists and statistics, but it is the author's own word: it is no second pair of eyes.
     */
    public Verified initial(Enum<?> sourceKind) {
        Verified verified = new Verified();
        if (sourceKind != null && startsVerified(sourceKind.name())) {
            verified.state = Verification.TERVERIFIKASI;
            stamp(verified);
        }
        return verified;
    }

    /**
     * The verification of a record created from a report the caller has just checked (a community report accepted in
     * triage): TERVERIFIKASI by the caller, with the caller's note. The caller is also the record's author, so this
     * is no second pair of eyes either.
     */
    public Verified judged(String note) {
        Verified verified = new Verified();
        verified.state = Verification.TERVERIFIKASI;
        verified.note = note == null || note.isBlank() ? null : note.strip();
        stamp(verified);
        return verified;
    }

    /** Whether a record from this source starts verified. */
    public boolean startsVerified(String sourceKind) {
        return Boolean.parseBoolean(reference.attribute(SOURCE_KINDS, sourceKind, "startsVerified"));
    }

    /**
     * Refuses a verification that may not happen, before anything changes: by the record's author (403), along a
     * move the table forbids (409 listing the allowed states), or without what its state needs (400).
     */
    public void check(Verified current, String author, VerificationInput input) {
        if (caller.subject().equals(author)) {
            throw ProblemException.forbidden(Message.of("verification.own-record"));
        }
        Verification from = current.state;
        Verification.TABLE.require(
                from,
                input.state(),
                () -> Message.of(
                        "verification.transition.refused",
                        "from",
                        from,
                        "to",
                        input.state(),
                        "allowed",
                        Verification.TABLE.allowedNames(from)));
        if ((input.state() == Verification.TIDAK_VALID || input.state() == Verification.BUKAN_WEWENANG)
                && (input.note() == null || input.note().isBlank())) {
            throw ProblemException.invalid("note", Message.of("verification.note.required", "state", input.state()));
        }
        if (input.state() == Verification.DUPLIKAT && input.duplicateOf() == null) {
            throw ProblemException.invalid("duplicateOf", Message.of("verification.duplicate-of.required"));
        }
        if (input.state() != Verification.DUPLIKAT && input.duplicateOf() != null) {
            throw ProblemException.invalid("duplicateOf", Message.of("verification.duplicate-of.only-duplikat"));
        }
    }

    /** Refuses a record named as the one it duplicates when that is the record itself. */
    public static void requireNotSelf(UUID id, UUID duplicateOf) {
        if (id.equals(duplicateOf)) {
            throw ProblemException.invalid("duplicateOf", Message.of("verification.duplicate-of.self"));
        }
    }

    /** Sets the verification {@link #check} allowed, as the caller's, now. */
    public void apply(Verified current, VerificationInput input) {
        current.state = input.state();
        current.method = input.method();
        current.note = input.note() == null || input.note().isBlank()
                ? null
                : input.note().strip();
        stamp(current);
    }

    /**
     * Makes the caller the one who vouches for a verified record whose content it changed (no method, no note): when
     * the caller is the author, the record's second pair of eyes has lapsed.
     */
    public void vouch(Verified current) {
        current.method = null;
        current.note = null;
        stamp(current);
    }

    private void stamp(Verified verified) {
        verified.verifiedBy = caller.subject();
        verified.verifiedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        verified.byCoordinator = caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_);
    }
}

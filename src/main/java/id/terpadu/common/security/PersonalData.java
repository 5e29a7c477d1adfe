package id.terpadu.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who may read the names of people in a record (UU 27/2022 on personal data protection), and how the others see them.
 * ADMIN and COORDINATOR (the team secretariat) may; an OFFICER may for the records its own agency handles; ANALYST and
 * INTEGRATION callers never do. Masked names keep each word's first letter ({@code Budi Santoso} → {@code B*** S***})
 * and masked numbers keep nothing. The change log never holds unmasked personal data, and every answer that shows it
 * unmasked is recorded in the access log ({@link #reveal}, written by {@code privacy.AccessLogWriter} after the answer).
 */
@RequestScoped
public class PersonalData {

    /** A record whose personal data this request answered unmasked. */
    public record Read(String entityType, UUID entityId, String regionCode) {}

    private final Caller caller;
    private final List<Read> reads = new ArrayList<>();

    PersonalData(Caller caller) {
        this.caller = caller;
    }

    /**
     * Whether the answer may show this record's personal data unmasked: {@link #mayRead} of its handling agency. When it
     * may, the read is recorded for the access log.
     */
    public boolean reveal(String entityType, UUID entityId, String regionCode, UUID handlingAgencyId) {
        boolean reveal = mayRead(handlingAgencyId);
        if (reveal) {
            reads.add(new Read(entityType, entityId, regionCode));
        }
        return reveal;
    }

    /**
     * A person's own personal data (their account's email and phone in {@code GET /api/v1/me}): always shown to them,
     * and recorded for the access log like any other unmasked read, so the log answers every read of a record's
     * personal data, whoever made it.
     */
    public void revealOwn(String entityType, UUID entityId, String regionCode) {
        reads.add(new Read(entityType, entityId, regionCode));
    }

    /** The reads recorded so far in this request, cleared. */
    public List<Read> drain() {
        List<Read> drained = List.copyOf(reads);
        reads.clear();
        return drained;
    }

    /** Whether the caller may read the personal data of a record handled by this agency. */
    public boolean mayRead(UUID handlingAgencyId) {
        if (caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_)) {
            return true;
        }
        return caller.hasRole(Role.OFFICER_) && handlingAgencyId != null && handlingAgencyId.equals(caller.agencyId());
    }

    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ")
                        .appendCodePoint(word.codePointAt(0))
                        .append("***");
            }
        }
        return masked.toString();
    }

    /** An email address keeps the first letter of its local part and its domain ({@code b***@example.go.id}). */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? maskNumber(email) : email.substring(0, 1) + "***" + email.substring(at);
    }

    public static String maskNumber(String number) {
        return number == null ? null : "*".repeat(number.length());
    }
}

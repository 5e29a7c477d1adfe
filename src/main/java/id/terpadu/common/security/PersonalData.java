package id.terpadu.common.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who may read the names of people in a record (UU 27/2022 on personal data protection), and how the others see them.
 * ADMIN and COORDINATOR (the team secretariat) may; an OFFICER may for the records its own agency handles; ANALYST and
 * INTEGRATION callers never do. Masked names keep each word's first letter ({@code Budi Santoso} → {@code B*** S***})
 * and masked numbers keep nothing. The change log never holds unmasked personal data.
 */
@RequestScoped
public class PersonalData {

    private final Caller caller;

    PersonalData(Caller caller) {
        this.caller = caller;
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
                masked.append(masked.isEmpty() ? "" : " ").appendCodePoint(word.codePointAt(0)).append("***");
            }
        }
        return masked.toString();
    }

    public static String maskNumber(String number) {
        return number == null ? null : "*".repeat(number.length());
    }
}

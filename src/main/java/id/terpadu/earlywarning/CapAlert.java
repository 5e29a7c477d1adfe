package id.terpadu.earlywarning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One version of an early warning as an OASIS CAP 1.2 alert with one {@code info} block and one {@code area}, as
 * {@link CapAlerts} assembles it and {@link AlertXml} writes it. Null members are left out of the document.
 */
record CapAlert(
        String identifier,
        String sender,
        Instant sent,
        String status,
        String msgType,
        String scope,
        String restriction,
        String note,
        List<Reference> references,
        Info info) {

    static final String MEDIA_TYPE = "application/cap+xml";
    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    record Info(
            String event,
            String responseType,
            String urgency,
            String severity,
            String certainty,
            String categoryCode,
            Instant expires,
            String senderName,
            String headline,
            String description,
            String instruction,
            List<Parameter> parameters,
            String areaDesc,
            String circle,
            String regionCode) {}

    record Parameter(String valueName, String value) {}

    /** An earlier message: written {@code sender,identifier,sent}. */
    record Reference(String sender, String identifier, Instant sent) {

        String text() {
            return sender + "," + identifier + "," + time(sent);
        }
    }

    /** The warning itself, across its versions (the Atom entry id). */
    static String warningUrn(UUID id) {
        return "urn:terpadu:early-warning:" + id;
    }

    /** One version of the warning: colons only, none of the spaces, commas, {@code <} or {@code &} CAP forbids. */
    static String identifier(UUID id, long version) {
        return warningUrn(id) + ":" + version;
    }

    /**
     * CAP's dateTime: whole seconds and a numeric offset, {@code 2024-11-20T03:00:00+00:00} (CAP forbids
     * {@code Z} and {@code -00:00}).
     */
    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}

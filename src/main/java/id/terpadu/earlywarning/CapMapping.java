package id.terpadu.earlywarning;

import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * How an early warning becomes an OASIS CAP 1.2 alert: the one home of the mapping. {@link #TABLE} is what the
 * docs/integration.md and the OpenAPI description of {@code GET /api/v1/early-warnings/{id}} show; the tests hold the methods
 * below to it.
 * <p>
 * Choices the table does not show: {@code sent} is the time the change log recorded the version (UTC, written
 * {@code +00:00}); an Update or Cancel references every earlier version; CONFIDENTIAL is Restricted rather than
 * Private, because CAP's Private needs {@code addresses} and clearance is granted by agency type, not by a list of
 * recipients. The area is the warning's region (name and Kemendagri code), with a circle of radius 0 at its point
 * when it has one.
 */
final class CapMapping {

    static final String TABLE = """
            | Early warning | CAP 1.2 |
            |---|---|
            | every version | `identifier` urn:terpadu:early-warning:{id}:{version}, `category` Security, `language` id-ID, `parameter` TERPADU_VERIFIKASI its verification state |
            | a version that may be sent: RESTRICTED or CONFIDENTIAL, or PUBLIC and published (verified by someone other than its author; for TINGGI by a COORDINATOR or ADMIN) | `status` Actual |
            | the first such version, or the first after a Cancel | `msgType` Alert, `responseType` Monitor |
            | a later version (TERIDENTIFIKASI, DIPANTAU, DITANGANI) | `msgType` Update, `responseType` Monitor |
            | status REDA | `msgType` Cancel, `responseType` AllClear, `urgency` Past, `note` why |
            | status ESKALASI (an incident now) | `msgType` Cancel, `urgency` Past, `note` why |
            | verification TIDAK_VALID, DUPLIKAT or BUKAN_WEWENANG (forwarded) | `msgType` Cancel, `note` why |
            | PUBLIC and not published, after a message that still stands | `status` Actual, `msgType` Cancel, `note` why |
            | PUBLIC and not published, nothing standing (not yet verified by a second person) | `status` Draft, `msgType` Alert, no `references`: sent to nobody, shown only to those who may read the warning |
            | classification PUBLIC / RESTRICTED / CONFIDENTIAL | `scope` Public / Restricted / Restricted with a `restriction` |
            | risk level RENDAH / SEDANG / TINGGI | `urgency` Future / Expected / Immediate |
            | impact 1–2 / 3 / 4 / 5 | `severity` Minor / Moderate / Severe / Extreme |
            | likelihood 1 / 2–3 / 4–5 | `certainty` Unlikely / Possible / Likely |
            | title, description + indicators + risk, recommendedActions | `headline`, `description`, `instruction` |
            | region | `area`: `areaDesc` its name and those above it, `geocode` KODE_WILAYAH_KEMENDAGRI |
            | point (where the sign was seen), when given | `area` `circle` `lat,lon 0` (a point: radius 0 km) |
            | expiresAt, when given | `expires`; an expired warning leaves the Atom feed, its alert keeps the past `expires` |
            | observedAt | `parameter` TERPADU_WAKTU_PENGAMATAN (CAP dateTime) |
            | concernsFrom, concernsUntil, when given | `parameter` TERPADU_TANGGAL_SASARAN: the day `2024-11-27`, or the period `2024-11-27/2024-12-16` (ISO 8601) |
            """;

    static final String ALERT = "Alert";
    static final String UPDATE = "Update";
    static final String CANCEL = "Cancel";

    static final String STATUS = "Actual";
    static final String DRAFT = "Draft";
    static final String CATEGORY = "Security";
    static final String LANGUAGE = "id-ID";
    static final String GEOCODE = "KODE_WILAYAH_KEMENDAGRI";
    static final String EVENT_CODE = "TERPADU_KATEGORI_KONFLIK";

    private CapMapping() {}

    /** A subsided or escalated warning cancels its earlier alerts. */
    static boolean cancels(WarningStatus status) {
        return status == WarningStatus.REDA || status == WarningStatus.ESKALASI;
    }

    /**
     * A warning found invalid or a duplicate cancels its earlier alerts; so does one forwarded to the competent region
     * or agency, which alerts on its own.
     */
    static boolean invalidates(Verification verification) {
        return verification == Verification.TIDAK_VALID
                || verification == Verification.DUPLIKAT
                || verification == Verification.BUKAN_WEWENANG;
    }

    static String responseType(WarningStatus status) {
        return switch (status) {
            case REDA -> "AllClear";
            case ESKALASI -> null;
            default -> "Monitor";
        };
    }

    /** The reason a Cancel gives in {@code note}. */
    static String note(WarningStatus status, Verification verification) {
        if (verification == Verification.TIDAK_VALID) {
            return "Setelah diverifikasi, laporan peringatan dini ini dinyatakan tidak valid; peringatan dini ini dicabut.";
        }
        if (verification == Verification.DUPLIKAT) {
            return "Peringatan dini ini merupakan duplikat laporan lain; peringatan dini ini dicabut.";
        }
        if (verification == Verification.BUKAN_WEWENANG) {
            return "Peringatan dini ini diteruskan kepada wilayah atau instansi yang berwenang; peringatan dini ini "
                    + "dicabut dari pengirim ini. Ini bukan pernyataan aman.";
        }
        return switch (status) {
            case REDA -> "Potensi konflik telah mereda; peringatan dini ini dicabut.";
            case ESKALASI ->
                "Peringatan dini ini ditutup karena telah dieskalasi menjadi insiden konflik; "
                        + "penanganannya berlanjut oleh Tim Terpadu. Ini bukan pernyataan aman.";
            default ->
                "Peringatan dini ini ditarik sampai diverifikasi ulang oleh orang lain selain pelapornya; "
                        + "ini bukan pernyataan aman.";
        };
    }

    /** CAP's circle for a point: {@code lat,lon radius}, the radius in kilometres (0: the point itself). */
    static String circle(id.terpadu.incident.IncidentDtos.Point point) {
        return point == null
                ? null
                : java.math.BigDecimal.valueOf(point.lat()).toPlainString() + ","
                        + java.math.BigDecimal.valueOf(point.lon()).toPlainString() + " 0";
    }

    /** The day a warning concerns, or its period as an ISO 8601 interval of dates. */
    static String concerns(java.time.LocalDate from, java.time.LocalDate until) {
        if (from == null) {
            return null;
        }
        return until == null || until.equals(from) ? from.toString() : from + "/" + until;
    }

    static String scope(Classification classification) {
        return classification == Classification.PUBLIC ? "Public" : "Restricted";
    }

    static String restriction(Classification classification) {
        return switch (classification) {
            case PUBLIC -> null;
            case RESTRICTED ->
                "TERBATAS: hanya untuk anggota Tim Terpadu Penanganan Konflik Sosial; "
                        + "jangan diteruskan kepada publik.";
            case CONFIDENTIAL ->
                "RAHASIA: hanya untuk instansi yang berwenang membaca data berklasifikasi "
                        + "CONFIDENTIAL; jangan diteruskan.";
        };
    }

    static String urgency(RiskLevel risk, WarningStatus status) {
        if (cancels(status)) {
            return "Past";
        }
        return switch (risk) {
            case RENDAH -> "Future";
            case SEDANG -> "Expected";
            case TINGGI -> "Immediate";
        };
    }

    static String severity(int impact) {
        return switch (impact) {
            case 1, 2 -> "Minor";
            case 3 -> "Moderate";
            case 4 -> "Severe";
            case 5 -> "Extreme";
            default -> "Unknown";
        };
    }

    static String certainty(int likelihood) {
        return switch (likelihood) {
            case 1 -> "Unlikely";
            case 2, 3 -> "Possible";
            case 4, 5 -> "Likely";
            default -> "Unknown";
        };
    }
}

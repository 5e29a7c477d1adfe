package id.terpadu.riskindex;

import java.util.List;

/**
 * The indicators a COMPUTED model may use, each counted over the 90 days that end with the period in the region and
 * everything below it (docs/risk-index.md has the method):
 * <ul>
 *   <li>{@value #INSIDEN}: the sum of the severities (1-5) of the incidents that occurred;
 *   <li>{@value #PERINGATAN}: early warnings raised and not REDA, TINGGI 3, SEDANG 2, RENDAH 1 (those the index raised
 *       itself left out, so that a rise does not feed the next);
 *   <li>{@value #STATUS_KONFLIK}: 1 when a Status Keadaan Konflik covers the region on the period's last day;
 *   <li>{@value #TUGAS_TERLAMBAT}: tasks on the region's incidents and warnings due in the window and still open;
 *   <li>{@value #NETRALITAS}: neutrality cases opened in the window with a civil servant still in DITERIMA, KAJIAN
 *       or REKOMENDASI (RESTRICTED records: only a RESTRICTED model counts them).
 * </ul>
 * Records verified TIDAK_VALID or DUPLIKAT are left out.
 */
final class Indicators {

    static final String INSIDEN = "INSIDEN";
    static final String PERINGATAN = "PERINGATAN";
    static final String STATUS_KONFLIK = "STATUS_KONFLIK";
    static final String TUGAS_TERLAMBAT = "TUGAS_TERLAMBAT";
    static final String NETRALITAS = "NETRALITAS";

    static final List<String> ALL = List.of(INSIDEN, PERINGATAN, STATUS_KONFLIK, TUGAS_TERLAMBAT, NETRALITAS);

    /** How far back an indicator counts from the end of its period. */
    static final int WINDOW_DAYS = 90;

    private Indicators() {}
}

package id.terpadu.neutrality;

import java.util.EnumSet;
import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * The handling of one civil servant in a neutrality case (SKB 2022): DITERIMA → KAJIAN → BUKAN_PELANGGARAN, or
 * REKOMENDASI to the competent body → SANKSI_DIJATUHKAN or TIDAK_DITINDAKLANJUTI. The last three and
 * BUKAN_PELANGGARAN are final.
 */
public enum NeutralityStatus {
    DITERIMA,
    KAJIAN,
    BUKAN_PELANGGARAN,
    REKOMENDASI,
    SANKSI_DIJATUHKAN,
    TIDAK_DITINDAKLANJUTI;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<NeutralityStatus> TABLE = StateTable.of(NeutralityStatus.class)
            .from(DITERIMA, KAJIAN)
            .from(KAJIAN, BUKAN_PELANGGARAN, REKOMENDASI)
            .from(REKOMENDASI, SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI)
            .from(BUKAN_PELANGGARAN)
            .from(SANKSI_DIJATUHKAN)
            .from(TIDAK_DITINDAKLANJUTI)
            .build();

    /** The statuses of a person found to have violated neutrality (counted as violations). */
    public static final Set<NeutralityStatus> VIOLATION =
            EnumSet.of(REKOMENDASI, SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI);

    /**
     * The statuses in which nothing was decided about the person yet (received, or under study): only then is a person
     * removed as added by mistake, and a case deleted when all its persons are in them.
     */
    public static final Set<NeutralityStatus> UNDECIDED = EnumSet.of(DITERIMA, KAJIAN);

    public Set<NeutralityStatus> next() {
        return TABLE.next(this);
    }
}

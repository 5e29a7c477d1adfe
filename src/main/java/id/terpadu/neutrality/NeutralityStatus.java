package id.terpadu.neutrality;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The handling of one civil servant in a neutrality case (SKB 2022): DITERIMA → KAJIAN → BUKAN_PELANGGARAN, or
 * REKOMENDASI to the competent body → SANKSI_DIJATUHKAN or TIDAK_DITINDAKLANJUTI. The last three and
 * BUKAN_PELANGGARAN are final.
 */
public enum NeutralityStatus {
    DITERIMA, KAJIAN, BUKAN_PELANGGARAN, REKOMENDASI, SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI;

    private static final Map<NeutralityStatus, Set<NeutralityStatus>> NEXT = new EnumMap<>(NeutralityStatus.class);

    static {
        NEXT.put(DITERIMA, EnumSet.of(KAJIAN));
        NEXT.put(KAJIAN, EnumSet.of(BUKAN_PELANGGARAN, REKOMENDASI));
        NEXT.put(REKOMENDASI, EnumSet.of(SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI));
        NEXT.put(BUKAN_PELANGGARAN, EnumSet.noneOf(NeutralityStatus.class));
        NEXT.put(SANKSI_DIJATUHKAN, EnumSet.noneOf(NeutralityStatus.class));
        NEXT.put(TIDAK_DITINDAKLANJUTI, EnumSet.noneOf(NeutralityStatus.class));
    }

    /** The statuses of a person found to have violated neutrality (counted as violations). */
    public static final Set<NeutralityStatus> VIOLATION = EnumSet.of(REKOMENDASI, SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI);

    public Set<NeutralityStatus> next() {
        return NEXT.get(this);
    }
}

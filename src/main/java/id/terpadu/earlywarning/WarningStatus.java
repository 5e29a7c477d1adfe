package id.terpadu.earlywarning;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * Status of an early warning and its allowed moves: TERIDENTIFIKASI → DIPANTAU/DITANGANI/REDA, DIPANTAU ⇄ DITANGANI,
 * either → REDA, REDA → DIPANTAU when it stirs again. ESKALASI is reached only by escalating into an incident, and
 * is final.
 */
public enum WarningStatus {
    TERIDENTIFIKASI,
    DIPANTAU,
    DITANGANI,
    REDA,
    ESKALASI;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<WarningStatus> TABLE = StateTable.of(WarningStatus.class)
            .from(TERIDENTIFIKASI, DIPANTAU, DITANGANI, REDA)
            .from(DIPANTAU, DITANGANI, REDA)
            .from(DITANGANI, DIPANTAU, REDA)
            .from(REDA, DIPANTAU)
            .from(ESKALASI)
            .build();

    public Set<WarningStatus> next() {
        return TABLE.next(this);
    }
}

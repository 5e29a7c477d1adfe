package id.terpadu.verification;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * Whether an early warning or an incident was checked (reference kind {@code verification-states}), and the one table
 * of its moves:
 * <ul>
 * <li>BELUM_DIVERIFIKASI → TERVERIFIKASI, TIDAK_VALID, DUPLIKAT or BUKAN_WEWENANG;</li>
 * <li>TERVERIFIKASI → TERVERIFIKASI (another person confirms it), TIDAK_VALID, DUPLIKAT or BUKAN_WEWENANG;</li>
 * <li>TIDAK_VALID, DUPLIKAT and BUKAN_WEWENANG → TERVERIFIKASI when a later check finds it true and ours after
 * all.</li>
 * </ul>
 * Nothing moves back to BELUM_DIVERIFIKASI: it is where an unchecked record starts.
 */
public enum Verification {
    BELUM_DIVERIFIKASI,
    TERVERIFIKASI,
    TIDAK_VALID,
    DUPLIKAT,
    /** Forwarded to the competent region or agency. */
    BUKAN_WEWENANG;

    /** The moves each state allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<Verification> TABLE = StateTable.of(Verification.class)
            .from(BELUM_DIVERIFIKASI, TERVERIFIKASI, TIDAK_VALID, DUPLIKAT, BUKAN_WEWENANG)
            .from(TERVERIFIKASI, TERVERIFIKASI, TIDAK_VALID, DUPLIKAT, BUKAN_WEWENANG)
            .from(TIDAK_VALID, TERVERIFIKASI)
            .from(DUPLIKAT, TERVERIFIKASI)
            .from(BUKAN_WEWENANG, TERVERIFIKASI)
            .build();

    public Set<Verification> next() {
        return TABLE.next(this);
    }
}

package id.terpadu.intake;

import id.terpadu.common.state.StateTable;

/**
 * Where a report stands in triage: BARU in its team's queue; DITERUSKAN to another region's team (still open there);
 * then one final outcome: DIVERIFIKASI (accepted as an early warning or an incident), DUPLIKAT (of an existing
 * record) or DITOLAK (with a public reason).
 */
public enum IntakeStatus {
    BARU,
    DITERUSKAN,
    DIVERIFIKASI,
    DUPLIKAT,
    DITOLAK;

    /** The moves of triage; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<IntakeStatus> TABLE = StateTable.of(IntakeStatus.class)
            .from(BARU, DITERUSKAN, DIVERIFIKASI, DUPLIKAT, DITOLAK)
            .from(DITERUSKAN, DITERUSKAN, DIVERIFIKASI, DUPLIKAT, DITOLAK)
            .from(DIVERIFIKASI)
            .from(DUPLIKAT)
            .from(DITOLAK)
            .build();

    /** Still waiting for a decision: counts against the service level. */
    public boolean open() {
        return this == BARU || this == DITERUSKAN;
    }
}

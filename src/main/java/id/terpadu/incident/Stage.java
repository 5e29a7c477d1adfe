package id.terpadu.incident;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * The handling stage of an incident (UU 7/2012: pencegahan Bab III, penghentian Bab IV, pemulihan Bab V), and
 * the one table of allowed moves between them:
 * <ul>
 * <li>PENCEGAHAN → PENGHENTIAN when violence occurs;</li>
 * <li>PENGHENTIAN → PEMULIHAN when the violence has been stopped;</li>
 * <li>PEMULIHAN → PENGHENTIAN when it flares up again;</li>
 * <li>any open stage → SELESAI with a closing summary. SELESAI is final.</li>
 * </ul>
 */
public enum Stage {
    PENCEGAHAN,
    PENGHENTIAN,
    PEMULIHAN,
    SELESAI;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<Stage> TABLE = StateTable.of(Stage.class)
            .from(PENCEGAHAN, PENGHENTIAN, SELESAI)
            .from(PENGHENTIAN, PEMULIHAN, SELESAI)
            .from(PEMULIHAN, PENGHENTIAN, SELESAI)
            .from(SELESAI)
            .build();

    /** The stages this one may move to. */
    public Set<Stage> next() {
        return TABLE.next(this);
    }

    public boolean canMoveTo(Stage target) {
        return TABLE.allows(this, target);
    }
}

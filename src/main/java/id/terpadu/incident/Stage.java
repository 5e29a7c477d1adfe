package id.terpadu.incident;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

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
    PENCEGAHAN, PENGHENTIAN, PEMULIHAN, SELESAI;

    private static final Map<Stage, Set<Stage>> NEXT = new EnumMap<>(Stage.class);

    static {
        NEXT.put(PENCEGAHAN, EnumSet.of(PENGHENTIAN, SELESAI));
        NEXT.put(PENGHENTIAN, EnumSet.of(PEMULIHAN, SELESAI));
        NEXT.put(PEMULIHAN, EnumSet.of(PENGHENTIAN, SELESAI));
        NEXT.put(SELESAI, EnumSet.noneOf(Stage.class));
    }

    /** The stages this one may move to. */
    public Set<Stage> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(Stage target) {
        return NEXT.get(this).contains(target);
    }
}

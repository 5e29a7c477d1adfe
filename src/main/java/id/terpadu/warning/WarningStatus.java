package id.terpadu.warning;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Status of an early warning and its allowed moves: TERIDENTIFIKASI → DIPANTAU/DITANGANI/REDA, DIPANTAU ⇄ DITANGANI,
 * either → REDA, REDA → DIPANTAU when it stirs again. ESKALASI is reached only by escalating into an incident, and
 * is final.
 */
public enum WarningStatus {
    TERIDENTIFIKASI, DIPANTAU, DITANGANI, REDA, ESKALASI;

    private static final Map<WarningStatus, Set<WarningStatus>> NEXT = new EnumMap<>(WarningStatus.class);

    static {
        NEXT.put(TERIDENTIFIKASI, EnumSet.of(DIPANTAU, DITANGANI, REDA));
        NEXT.put(DIPANTAU, EnumSet.of(DITANGANI, REDA));
        NEXT.put(DITANGANI, EnumSet.of(DIPANTAU, REDA));
        NEXT.put(REDA, EnumSet.of(DIPANTAU));
        NEXT.put(ESKALASI, EnumSet.noneOf(WarningStatus.class));
    }

    public Set<WarningStatus> next() {
        return NEXT.get(this);
    }
}

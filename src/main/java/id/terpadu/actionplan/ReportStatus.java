package id.terpadu.actionplan;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A progress report's review: DRAFT → SUBMITTED (by the team's secretariat) → VERIFIED or RETURNED (by the level
 * above); a RETURNED report is corrected and submitted again. VERIFIED is final: the report can no longer change.
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, VERIFIED, RETURNED;

    private static final Map<ReportStatus, Set<ReportStatus>> NEXT = new EnumMap<>(ReportStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED));
        NEXT.put(SUBMITTED, EnumSet.of(VERIFIED, RETURNED));
        NEXT.put(RETURNED, EnumSet.of(SUBMITTED));
        NEXT.put(VERIFIED, EnumSet.noneOf(ReportStatus.class));
    }

    public Set<ReportStatus> next() {
        return NEXT.get(this);
    }

    /** Whether the secretariat may still change the report's content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}

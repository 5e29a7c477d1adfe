package id.terpadu.actionplan;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * A progress report's review: DRAFT → SUBMITTED (by the team's secretariat) → VERIFIED or RETURNED (by the level
 * above); a RETURNED report is corrected and submitted again. VERIFIED is final: the report can no longer change.
 */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    VERIFIED,
    RETURNED;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<ReportStatus> TABLE = StateTable.of(ReportStatus.class)
            .from(DRAFT, SUBMITTED)
            .from(SUBMITTED, VERIFIED, RETURNED)
            .from(RETURNED, SUBMITTED)
            .from(VERIFIED)
            .build();

    public Set<ReportStatus> next() {
        return TABLE.next(this);
    }

    /** Whether the secretariat may still change the report's content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}

package id.terpadu.actionplan;

/** The three statutory stages of handling a conflict (UU 7/2012 Bab III–V), by which a plan's items are grouped. */
public enum PlanStage {
    PENCEGAHAN,
    PENGHENTIAN,
    PEMULIHAN
}

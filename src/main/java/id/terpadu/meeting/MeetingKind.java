package id.terpadu.meeting;

/** Kinds of coordination meeting (rapat koordinasi) of a Tim Terpadu. */
public enum MeetingKind {
    RUTIN,
    TERBATAS,
    EVALUASI_RAT,
    DARURAT
}

package id.terpadu.intake;

/**
 * What the reporter sees of a report, and nothing more: DITERIMA (received, in a team's queue), DIVERIFIKASI (it
 * became, or joined, a record of the team), DITINDAKLANJUTI (that record has moved on since), DITOLAK (with the
 * public reason).
 */
public enum PublicStatus {
    DITERIMA,
    DIVERIFIKASI,
    DITINDAKLANJUTI,
    DITOLAK
}

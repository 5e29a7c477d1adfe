package id.terpadu.neutrality;

/** How a case reached the election supervisor: its own finding (TEMUAN) or a report from the public (LAPORAN). */
public enum CaseSource {
    TEMUAN,
    LAPORAN
}

package id.terpadu.agency;

/** Types of member agency (reference kind {@code agency-types}). */
public enum AgencyType {
    TNI,
    POLRI,
    BIN,
    KEJAKSAAN,
    KESBANGPOL,
    OPD,
    BAWASLU,
    KPU,
    BKN,
    PEMDA,
    DPRD,
    OTHER
}

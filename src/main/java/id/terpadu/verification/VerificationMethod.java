package id.terpadu.verification;

/** How a report was checked (reference kind {@code verification-methods}). */
public enum VerificationMethod {
    /** Cross-checked with another member agency. */
    CEK_SILANG_INSTANSI,
    /** Checked on the spot. */
    CEK_LAPANGAN,
    /** Called back to the source of the report. */
    KONFIRMASI_SUMBER,
    /** Weighed by an intelligence assessment. */
    PENILAIAN_INTELIJEN
}

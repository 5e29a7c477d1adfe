package id.terpadu.incident;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/** How an incident or an early warning became known (reference kind {@code source-kinds}). */
public enum SourceKind {
    LAPORAN_INSTANSI,
    LAPORAN_MASYARAKAT,
    PATROLI,
    INTELIJEN,
    MEDIA,
    MEDIA_SOSIAL,
    LAINNYA,
    /** Raised by the service when a region's band of the risk index rises; no caller gives it. */
    INDEKS_RISIKO;

    /**
     * 400 when a caller sets INDEKS_RISIKO on a record that does not have it (a record the index raised keeps it
     * through a correction).
     */
    public static void requireSettable(SourceKind wanted, SourceKind current) {
        if (wanted == INDEKS_RISIKO && current != INDEKS_RISIKO) {
            throw ProblemException.invalid("sourceKind", Message.of("source-kind.index-only"));
        }
    }
}

package id.terpadu.incident;

/** How an incident became known (reference kind {@code source-kinds}). */
public enum SourceKind {
    LAPORAN_INSTANSI,
    LAPORAN_MASYARAKAT,
    PATROLI,
    INTELIJEN,
    MEDIA,
    MEDIA_SOSIAL,
    LAINNYA
}

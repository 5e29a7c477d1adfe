package id.terpadu.conflictstatus;

/** What TNI forces are asked to do under a conflict status (reference kind {@code tni-tasks}). */
public enum TniTask {
    PENGHENTIAN_KEKERASAN,
    PENUTUPAN_SEMENTARA,
    PEMBATASAN_ORANG_DI_LUAR_RUMAH,
    LARANGAN_MASUK_KELUAR,
    PENYELAMATAN,
    PERLINDUNGAN_KELOMPOK_RENTAN
}

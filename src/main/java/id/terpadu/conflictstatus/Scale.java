package id.terpadu.conflictstatus;

/** Scale of a Status Keadaan Konflik (UU 7/2012 Ps 15–18; reference kind {@code conflict-status-scales}). */
public enum Scale {
    KABUPATEN_KOTA,
    PROVINSI,
    NASIONAL
}

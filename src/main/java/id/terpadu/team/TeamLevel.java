package id.terpadu.team;

/** Level of a Tim Terpadu (reference kind {@code team-levels}). */
public enum TeamLevel {
    NASIONAL,
    PROVINSI,
    KABUPATEN_KOTA
}

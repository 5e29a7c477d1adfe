package id.terpadu.incident;

/** What kind of party (reference kind {@code party-types}); PERORANGAN names a person (personal data). */
public enum PartyType {
    KELOMPOK_MASYARAKAT,
    ORGANISASI,
    PERUSAHAAN,
    APARAT,
    PERORANGAN,
    LAINNYA
}

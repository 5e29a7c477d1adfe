package id.terpadu.common.region;

/** Administrative levels of the Kemendagri code list (reference kind {@code region-levels}). */
public enum RegionLevel {
    PROVINSI,
    KABUPATEN,
    KOTA,
    KECAMATAN,
    KELURAHAN,
    DESA,
    DESA_ADAT
}

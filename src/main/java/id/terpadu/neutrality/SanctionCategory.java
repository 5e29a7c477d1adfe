package id.terpadu.neutrality;

/** Sanction imposed by the employing official (PP 42/2004, PP 94/2021, UU 5/2014 Ps 87). */
public enum SanctionCategory {
    KODE_ETIK,
    DISIPLIN_SEDANG,
    DISIPLIN_BERAT,
    PTDH
}

package id.terpadu.incident;

/** Vulnerable groups affected (reference kind {@code vulnerable-groups}; Perpres 18/2014, PP 2/2015 Ps 9). */
public enum VulnerableGroup {
    PEREMPUAN,
    ANAK,
    LANSIA,
    DISABILITAS
}

package id.terpadu.earlywarning;

/**
 * Risk level of an early warning, derived from likelihood × impact (each 1–5): a score of 1–6 is RENDAH, 7–12
 * SEDANG, 13–25 TINGGI. Served as reference kind {@code risk-levels} with the bounds as attributes.
 */
public enum RiskLevel {
    RENDAH,
    SEDANG,
    TINGGI;

    public static RiskLevel of(int likelihood, int impact) {
        int score = likelihood * impact;
        return score <= 6 ? RENDAH : score <= 12 ? SEDANG : TINGGI;
    }
}

package id.terpadu.riskindex;

/** OpenAPI examples of the risk index; those of requests succeed on a fresh development database. */
final class RiskExamples {

    private RiskExamples() {}

    static final String MODEL_INPUT = """
            {"code": "IKP", "name": "Indeks Kerawanan Pemilu (Bawaslu)",
             "method": "Skor 0-100 per wilayah dari publikasi IKP Bawaslu, diimpor sebagai CSV kode,skor per periode.",
             "kind": "IMPORTED", "classification": "PUBLIC", "indicators": [],
             "bands": {"KABUPATEN_KOTA": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 40}, {"code": "TINGGI", "from": 60}],
                       "PROVINSI": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 40}, {"code": "TINGGI", "from": 60}]},
             "warningCategory": "POLITIK_PEMILU"}""";

    static final String MODEL = """
            {"code": "IKP", "version": 1, "name": "Indeks Kerawanan Pemilu (Bawaslu)",
             "method": "Skor 0-100 per wilayah dari publikasi IKP Bawaslu, diimpor sebagai CSV kode,skor per periode.",
             "kind": "IMPORTED", "classification": "PUBLIC", "indicators": [],
             "bands": {"PROVINSI": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 40}, {"code": "TINGGI", "from": 60}],
                       "KABUPATEN_KOTA": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 40}, {"code": "TINGGI", "from": 60}]},
             "warningCategory": "POLITIK_PEMILU", "createdAt": "2026-11-30T02:00:00Z", "createdBy": "admin.nasional"}""";

    static final String COMPUTED_MODEL = """
            {"code": "TERPADU", "version": 1, "name": "Indeks risiko konflik Terpadu",
             "method": "Each indicator is counted over the 90 days that end with the period ...",
             "kind": "COMPUTED", "classification": "RESTRICTED",
             "indicators": [{"code": "INSIDEN", "name": "Insiden menurut keparahan (jumlah tingkat keparahan 1-5)",
                             "dimension": "KEKERASAN", "weight": 35, "caps": {"KABUPATEN_KOTA": 15, "PROVINSI": 60}}],
             "bands": {"PROVINSI": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 25}, {"code": "TINGGI", "from": 50}],
                       "KABUPATEN_KOTA": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 25}, {"code": "TINGGI", "from": 50}]},
             "warningCategory": "SOSIAL_BUDAYA", "createdAt": "2026-11-01T00:00:00Z", "createdBy": "system:migration"}""";

    static final String MODELS = "{\"items\": [" + MODEL + ", " + COMPUTED_MODEL + "]}";

    static final String SCORE = """
            {"regionCode": "13.77", "regionName": "Kota Pariaman", "level": "KABUPATEN_KOTA", "period": "2026-11",
             "score": 54.17, "band": "TINGGI",
             "inputs": {"INSIDEN": {"value": 12, "scaled": 80}, "PERINGATAN": {"value": 5, "scaled": 55.56},
                        "STATUS_KONFLIK": {"value": 0, "scaled": 0}, "TUGAS_TERLAMBAT": {"value": 3, "scaled": 60},
                        "NETRALITAS": {"value": 1, "scaled": 33.33}},
             "computedAt": "2026-11-30T17:00:00Z", "computedBy": "system:risk-index", "importId": null,
             "warningId": "0f6d5c4b-3a29-4817-a6f5-e4d3c2b1a091"}""";

    static final String TABLE = "{\"model\": \"TERPADU\", \"version\": 1, \"classification\": \"RESTRICTED\", "
            + "\"level\": \"KABUPATEN_KOTA\", \"period\": \"2026-11\", \"scores\": [" + SCORE + "]}";

    static final String HISTORY =
            "{\"model\": \"TERPADU\", \"version\": 1, \"regionCode\": \"13.77\", \"scores\": [" + SCORE + "]}";

    static final String COMPUTATION_INPUT = """
            {"period": "2026-11"}""";

    static final String COMPUTATION = """
            {"model": "TERPADU", "version": 1, "period": "2026-11", "regions": 552, "warningsRaised": 3, "importId": null}""";

    static final String CSV = """
            kode,skor,kontestasi
            13,41.5,38.2
            13.77,62.25,70
            """;

    static final String IMPORTED = """
            {"model": "IKP", "version": 1, "period": "2026-11", "regions": 2, "warningsRaised": 1,
             "importId": "5b7e2c1d-8f3a-4e6b-9c0d-1a2b3c4d5e6f"}""";
}

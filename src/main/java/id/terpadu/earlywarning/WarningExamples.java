package id.terpadu.earlywarning;

/**
 * The examples of the API documentation of early warnings and their alert feed, one constant each: the operations
 * refer to them in their {@code @ExampleObject}, and the document defines each once under
 * {@code components/examples}.
 */
final class WarningExamples {

    static final String INPUT = """
            {"regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
             "title": "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada",
             "description": "Saling lapor dan pengerahan massa di media sosial.",
             "parties": [{"type": "KELOMPOK_MASYARAKAT", "name": "Pendukung Paslon 1", "role": "PIHAK_BERKONFLIK"},
                         {"type": "KELOMPOK_MASYARAKAT", "name": "Pendukung Paslon 2", "role": "PIHAK_BERKONFLIK"}],
             "indicators": ["Ujaran kebencian di grup WhatsApp", "Pengerahan massa ke KPU"],
             "likelihood": 4, "impact": 3, "sourceKind": "PATROLI", "classification": "RESTRICTED",
             "recommendedActions": "Patroli gabungan; dialog tokoh masyarakat kedua kubu",
             "point": {"lat": -0.6263, "lon": 100.1205}, "observedAt": "2024-11-20T02:30:00Z",
             "concernsFrom": "2024-11-27", "concernsUntil": "2024-12-16"}""";

    /** A merge patch: the likelihood raised (and with it the risk); every other field stays. */
    static final String PATCH = """
            {"likelihood": 5}""";

    static final String RESPONSE = """
            {"id": "4d3c2b1a-0f9e-4d8c-b7a6-958473625140", "regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
             "title": "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada",
             "description": "Saling lapor dan pengerahan massa di media sosial.", "parties": [],
             "indicators": ["Ujaran kebencian di grup WhatsApp"], "likelihood": 4, "impact": 3, "riskScore": 12,
             "riskLevel": "SEDANG", "sourceAgencyId": null, "sourceKind": "PATROLI", "classification": "RESTRICTED",
             "status": "TERIDENTIFIKASI", "recommendedActions": "Patroli gabungan", "escalatedIncidentId": null,
             "verification": {"state": "TERVERIFIKASI", "method": null, "note": null,
                              "verifiedBy": "polres.pariaman", "verifiedAt": "2024-11-20T03:00:00Z", "duplicateOf": null},
             "published": false, "point": {"lat": -0.6263, "lon": 100.1205}, "observedAt": "2024-11-20T02:30:00Z",
             "concernsFrom": "2024-11-27", "concernsUntil": "2024-12-16", "expiresAt": null, "expired": false,
             "version": 0, "createdAt": "2024-11-20T03:00:00Z", "updatedAt": "2024-11-20T03:00:00Z", "attachments": 0}""";

    static final String VERIFICATION = """
            {"state": "TERVERIFIKASI", "method": "KONFIRMASI_SUMBER",
             "note": "Dikonfirmasi ulang melalui telepon kepada pelapor dan Babinsa setempat"}""";

    static final String CAP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>urn:terpadu:early-warning:4d3c2b1a-0f9e-4d8c-b7a6-958473625140:1</identifier>
              <sender>terpadu@kemendagri.go.id</sender>
              <sent>2024-11-21T08:15:00+00:00</sent>
              <status>Actual</status>
              <msgType>Update</msgType>
              <scope>Restricted</scope>
              <restriction>TERBATAS: hanya untuk anggota Tim Terpadu Penanganan Konflik Sosial; jangan diteruskan kepada publik.</restriction>
              <references>terpadu@kemendagri.go.id,urn:terpadu:early-warning:4d3c2b1a-0f9e-4d8c-b7a6-958473625140:0,2024-11-20T03:00:00+00:00</references>
              <info>
                <language>id-ID</language>
                <category>Security</category>
                <event>Potensi konflik sosial: Pemilihan kepala daerah</event>
                <responseType>Monitor</responseType>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <eventCode>
                  <valueName>TERPADU_KATEGORI_KONFLIK</valueName>
                  <value>POLITIK_PILKADA</value>
                </eventCode>
                <expires>2024-12-17T00:00:00+00:00</expires>
                <senderName>Tim Terpadu Penanganan Konflik Sosial</senderName>
                <headline>Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada</headline>
                <description>Saling lapor &amp; pengerahan massa di media sosial.

            Indikator:
            - Ujaran kebencian di grup WhatsApp

            Penilaian risiko: kemungkinan 4 × dampak 3 = skor 12 (SEDANG). Status: DIPANTAU.</description>
                <instruction>Patroli gabungan; dialog tokoh masyarakat kedua kubu</instruction>
                <parameter>
                  <valueName>TERPADU_STATUS</valueName>
                  <value>DIPANTAU</value>
                </parameter>
                <parameter>
                  <valueName>TERPADU_TINGKAT_RISIKO</valueName>
                  <value>SEDANG</value>
                </parameter>
                <parameter>
                  <valueName>TERPADU_SKOR_RISIKO</valueName>
                  <value>12</value>
                </parameter>
                <parameter>
                  <valueName>TERPADU_VERIFIKASI</valueName>
                  <value>TERVERIFIKASI</value>
                </parameter>
                <parameter>
                  <valueName>TERPADU_WAKTU_PENGAMATAN</valueName>
                  <value>2024-11-20T02:30:00+00:00</value>
                </parameter>
                <parameter>
                  <valueName>TERPADU_TANGGAL_SASARAN</valueName>
                  <value>2024-11-27/2024-12-16</value>
                </parameter>
                <area>
                  <areaDesc>Kota Pariaman, Sumatera Barat</areaDesc>
                  <circle>-0.6263,100.1205 0</circle>
                  <geocode>
                    <valueName>KODE_WILAYAH_KEMENDAGRI</valueName>
                    <value>13.77</value>
                  </geocode>
                </area>
              </info>
            </alert>
            """;

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
              <id>urn:terpadu:early-warning-alerts</id>
              <title>Peringatan dini konflik sosial</title>
              <subtitle>Peringatan dini berklasifikasi PUBLIC yang masih berlaku, perubahan terbaru lebih dulu, paling banyak 100; setiap entri menaut ke peringatan CAP 1.2.</subtitle>
              <updated>2024-11-21T08:15:00+00:00</updated>
              <link rel="self" type="application/atom+xml" href="https://terpadu.example/api/v1/alerts.atom"/>
              <author>
                <name>Tim Terpadu Penanganan Konflik Sosial</name>
              </author>
              <generator>Terpadu</generator>
              <entry>
                <id>urn:terpadu:early-warning:7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098</id>
                <title>Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada</title>
                <updated>2024-11-21T08:15:00+00:00</updated>
                <published>2024-11-20T03:00:00+00:00</published>
                <summary>Risiko SEDANG (kemungkinan 4 × dampak 3) di Kota Pariaman, Sumatera Barat; status DIPANTAU.</summary>
                <category term="POLITIK_PILKADA" label="Pemilihan kepala daerah"/>
                <link rel="alternate" type="application/cap+xml" href="https://terpadu.example/api/v1/early-warnings/7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098"/>
              </entry>
            </feed>
            """;

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String FEATURES = """
            {"type": "FeatureCollection", "nextCursor": null,
             "features": [{"type": "Feature", "id": "4d3c2b1a-0f9e-4d8c-b7a6-958473625140",
                           "geometry": {"type": "Point", "coordinates": [100.1205, -0.6263]},
                           "properties": {"title": "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada",
                                          "riskLevel": "SEDANG", "observedAt": "2024-11-20T02:30:00Z", "attachments": 0}}]}""";

    static final String SIMILAR = """
            {"windowHours": 72, "items": [{"type": "early-warning", "id": "5b451028-23ca-4fd2-a85c-2ff7785f1613",
             "title": "Pengerahan massa ke kantor KPU Kota Pariaman", "regionCode": "13.77",
             "categoryCode": "POLITIK_PILKADA", "at": "2024-10-14T01:00:00Z", "verification": "TERVERIFIKASI",
             "score": 0.55, "reasons": [{"code": "SAME_KABKOTA"}, {"code": "SAME_CATEGORY"},
             {"code": "TIME_WITHIN_HOURS", "value": 0.0}, {"code": "TITLE_SIMILARITY", "value": 0.12},
             {"code": "TEXT_SIMILARITY", "value": 0.12}]}]}""";

    static final String ESCALATION = """
            {"occurredFrom": "2024-11-28T02:00:00Z", "severity": 4, "description": "Massa membakar ban di depan kantor KPU"}""";

    static final String ESCALATED = """
            {"id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f", "title": "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada",
             "categoryCode": "POLITIK_PILKADA", "regionCode": "13.77", "stage": "PENGHENTIAN", "severity": 4,
             "sourceReference": "early-warning:4d3c2b1a-0f9e-4d8c-b7a6-958473625140", "version": 0, "attachments": 0}""";

    private WarningExamples() {}

    static final String STATISTICS = """
            {"groupBy": ["riskLevel", "province"], "truncated": false,
             "rows": [{"key": {"riskLevel": "SEDANG", "province": "13"}, "warnings": 5},
                      {"key": {"riskLevel": "TINGGI", "province": "13"}, "warnings": 2}]}""";
}

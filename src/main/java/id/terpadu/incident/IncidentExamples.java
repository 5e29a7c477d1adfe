package id.terpadu.incident;

/**
 * The examples of the API documentation of incidents: their activities, stage moves, tasks, exports and statistics,
 * one constant each: the operations refer to them in their {@code @ExampleObject}, and the document defines each once
 * under {@code components/examples}.
 */
final class IncidentExamples {

    static final String INPUT = """
            {"title": "Bentrokan antarwarga terkait sengketa lahan sawit",
             "description": "Dua kelompok warga bentrok di perbatasan desa; tiga orang luka, dua rumah rusak.",
             "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77", "point": {"lat": -0.6263, "lon": 100.1205},
             "locationText": "Simpang Kampung Baru, Pariaman Utara", "geoPrecision": 1, "timePrecision": 1,
             "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "LAPORAN_INSTANSI",
             "sourceReference": "Laporan Polres Pariaman", "severity": 3, "classification": "RESTRICTED",
             "parties": [{"type": "KELOMPOK_MASYARAKAT", "name": "Warga Kampung Baru", "role": "PIHAK_BERKONFLIK"},
                         {"type": "PERUSAHAAN", "name": "PT Sawit Contoh", "role": "PIHAK_BERKONFLIK"}],
             "impact": {"killed": 0, "injured": 3, "buildingsDamaged": 2, "displaced": null, "vulnerableGroups": ["ANAK"]},
             "stage": "PENGHENTIAN"}""";

    /** A merge patch: one more person injured and the severity raised; the other impact counts stay. */
    static final String PATCH = """
            {"severity": 4, "impact": {"injured": 4}}""";

    static final String RESPONSE = """
            {"id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f", "title": "Bentrokan antarwarga terkait sengketa lahan sawit",
             "description": "Dua kelompok warga bentrok di perbatasan desa; tiga orang luka, dua rumah rusak.",
             "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77", "point": {"lat": -0.6263, "lon": 100.1205},
             "locationText": "Simpang Kampung Baru, Pariaman Utara", "geoPrecision": 1, "timePrecision": 1,
             "occurredFrom": "2024-10-12T09:30:00Z", "occurredTo": null, "sourceKind": "LAPORAN_INSTANSI",
             "sourceReference": "Laporan Polres Pariaman", "severity": 3, "classification": "RESTRICTED",
             "stage": "PENGHENTIAN",
             "parties": [{"type": "KELOMPOK_MASYARAKAT", "name": "Warga Kampung Baru", "role": "PIHAK_BERKONFLIK"}],
             "impact": {"killed": 0, "injured": 3, "sexualViolence": null, "buildingsDamaged": 2, "displaced": null,
                        "vulnerableGroups": ["ANAK"]},
             "leadAgencyId": null, "duplicateOf": null, "closingSummary": null,
             "verification": {"state": "TERVERIFIKASI", "method": "CEK_LAPANGAN",
                              "note": "Dicek di lokasi oleh Bhabinkamtibmas bersama Kesbangpol",
                              "verifiedBy": "kesbangpol.pariaman", "verifiedAt": "2024-10-12T11:30:00Z",
                              "duplicateOf": null},
             "version": 1, "createdAt": "2024-10-12T10:02:00Z", "updatedAt": "2024-10-12T11:30:00Z", "attachments": 0}""";

    static final String VERIFICATION = """
            {"state": "TERVERIFIKASI", "method": "CEK_LAPANGAN",
             "note": "Dicek di lokasi oleh Bhabinkamtibmas bersama Kesbangpol"}""";

    static final String CSV = """
            id,title,category,regionCode,provinceCode,kabkotaCode,latitude,longitude,geoPrecision,timePrecision,occurredFrom,occurredTo,stage,severity,classification,sourceKind,killed,injured,sexualViolence,buildingsDamaged,displaced,leadAgencyId,updatedAt,duplicateOf
            #event+id,#event+name,#event+type,#loc+code,#adm1+code,#adm2+code,#geo+lat,#geo+lon,#geo+precision,#date+precision,#date+occurred,#date+end,#status+stage,#severity,#meta+classification,#meta+source,#affected+killed,#affected+injured,#affected+sexual_violence,#impact+buildings_damaged,#affected+idps,#org+lead+id,#date+updated,#meta+duplicate_of
            5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f,"Bentrokan antarwarga, sengketa lahan",SENGKETA_LAHAN,13.77,13,13.77,-0.6263,100.1205,1,1,2024-10-12T09:30:00Z,,PENGHENTIAN,3,RESTRICTED,PATROLI,0,7,,2,,,2024-10-12T10:00:00Z,""";

    static final String NDJSON = """
            {"id":"5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f","title":"Bentrokan antarwarga","category":"SENGKETA_LAHAN","regionCode":"13.77","provinceCode":"13","kabkotaCode":"13.77","latitude":-0.6263,"longitude":100.1205,"stage":"PENGHENTIAN","severity":3,"killed":0,"injured":7,"displaced":null,"duplicateOf":null}""";

    static final String GEOJSON = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "geometry": {"type": "Point", "coordinates": [100.1205, -0.6263]},
             "properties": {"title": "Bentrokan antarwarga", "stage": "PENGHENTIAN", "killed": 0, "attachments": 0}}]}""";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String FEATURES = """
            {"type": "FeatureCollection", "nextCursor": null,
             "features": [{"type": "Feature", "id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
                           "geometry": {"type": "Point", "coordinates": [100.1205, -0.6263]},
                           "properties": {"title": "Bentrokan antarwarga terkait sengketa lahan sawit", "stage": "PENGHENTIAN", "attachments": 0}}]}""";

    static final String LINKS = """
            {"earlyWarnings": ["4d3c2b1a-0f9e-4d8c-b7a6-958473625140"], "duplicateOf": null,
             "duplicates": ["6c5b4a39-2817-4f6e-9d8c-7b6a59483726"],
             "conflictStatusId": "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b"}""";

    static final String SIMILAR = """
            {"windowHours": 72, "items": [{"type": "incident", "id": "3e9a7c51-6d2b-4f08-a1c4-8b5e2f7d9a36",
             "title": "Bentrok warga soal lahan sawit di perbatasan desa, tiga luka", "regionCode": "13.77",
             "categoryCode": "SENGKETA_LAHAN", "at": "2024-10-12T11:00:00Z", "verification": "BELUM_DIVERIFIKASI",
             "score": 0.721, "reasons": [{"code": "SAME_KABKOTA"}, {"code": "SAME_CATEGORY"},
             {"code": "TIME_WITHIN_HOURS", "value": 1.5}, {"code": "TITLE_SIMILARITY", "value": 0.41},
             {"code": "TEXT_SIMILARITY", "value": 0.52}]}]}""";

    static final String TRANSITIONS = """
            {"items": [{"id": "0f1e2d3c-4b5a-4968-8776-655443322110", "from": "PENCEGAHAN", "to": "PENGHENTIAN",
                        "reason": "Bentrokan fisik pecah", "transitionedAt": "2024-10-12T10:15:00Z",
                        "recordedAt": "2024-10-12T16:40:00Z", "actor": "kesbangpol.pariaman"}],
             "nextCursor": null}""";

    static final String VIOLENCE = """
            {"to": "PENGHENTIAN", "reason": "Bentrokan fisik pecah; Polres Pariaman menghentikan kekerasan"}""";

    static final String CLOSE = """
            {"to": "SELESAI", "reason": "Perdamaian adat disepakati", "closingSummary": "Kedua kelompok berdamai melalui KAN; lahan dikembalikan ke kesepakatan 2019."}""";

    static final String ACTIVITIES_PAGE = """
            {"items": [{"id": "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910", "incidentId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
                        "activityType": "TD_PENYELAMATAN_EVAKUASI", "stage": "PENGHENTIAN",
                        "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "occurredAt": "2024-10-12T12:00:00Z",
                        "description": "Evakuasi 40 warga ke balai desa", "outcome": "Seluruh warga terdampak aman",
                        "version": 0, "createdAt": "2024-10-12T12:30:00Z", "updatedAt": "2024-10-12T12:30:00Z", "attachments": 0}],
             "nextCursor": null}""";

    static final String ACTIVITY = """
            {"id": "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910", "incidentId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "activityType": "TD_PENYELAMATAN_EVAKUASI", "stage": "PENGHENTIAN",
             "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "occurredAt": "2024-10-12T12:00:00Z",
             "description": "Evakuasi 40 warga ke balai desa", "outcome": null, "version": 0,
             "createdAt": "2024-10-12T12:30:00Z", "updatedAt": "2024-10-12T12:30:00Z", "attachments": 0}""";

    static final String ACTIVITY_CORRECTION = """
            {"activityType": "PENGHENTIAN_KEKERASAN_FISIK", "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12",
             "occurredAt": "2024-10-12T10:45:00Z", "description": "Polres Pariaman memisahkan kedua kelompok di simpang pasar",
             "outcome": "Bentrokan berhenti"}""";

    static final String EVACUATION = """
            {"activityType": "TD_PENYELAMATAN_EVAKUASI", "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12",
             "occurredAt": "2024-10-12T12:00:00Z", "description": "Evakuasi 40 warga ke balai desa",
             "outcome": "Seluruh warga terdampak aman"}""";

    static final String ACTIVITY_RECORDED = """
            {"id": "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910", "incidentId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "activityType": "TD_PENYELAMATAN_EVAKUASI", "stage": "PENGHENTIAN",
             "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "occurredAt": "2024-10-12T12:00:00Z",
             "description": "Evakuasi 40 warga ke balai desa", "outcome": "Seluruh warga terdampak aman",
             "version": 0, "createdAt": "2024-10-12T12:30:00Z", "updatedAt": "2024-10-12T12:30:00Z", "attachments": 0}""";

    static final String BY_CATEGORY_AND_MONTH = """
            {"groupBy": ["category", "month"], "truncated": false,
             "rows": [{"key": {"category": "POLITIK_PILKADA", "month": "2024-11"}, "incidents": 4,
                       "killed": {"sum": 0, "reported": 4}, "injured": {"sum": 7, "reported": 3},
                       "sexualViolence": {"sum": null, "reported": 0}, "buildingsDamaged": {"sum": 2, "reported": 2},
                       "displaced": {"sum": null, "reported": 0}}]}""";

    static final String RESOLUTION = """
            {"level": "kabkota", "truncated": false,
             "rows": [{"region": "13.71", "name": "Kota Padang", "year": 2024, "recorded": 12, "recovering": 3,
                       "closed": 5, "resolved": 8, "share": 0.6667},
                      {"region": "13.77", "name": "Kota Pariaman", "year": 2024, "recorded": 0, "recovering": 0,
                       "closed": 0, "resolved": 0, "share": null}]}""";

    private IncidentExamples() {}

    static final String REOPENING = """
            {"to": "PENGHENTIAN", "reason": "Bentrokan kembali pecah setelah kesepakatan damai; penanganan dibuka kembali"}""";
}

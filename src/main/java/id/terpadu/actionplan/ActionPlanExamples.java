package id.terpadu.actionplan;

/**
 * The examples of the API documentation of action plans (Rencana Aksi Terpadu): their items, progress reports and
 * achievement, one constant each: the operations refer to them in their {@code @ExampleObject}, and the document
 * defines each once under {@code components/examples}.
 */
final class ActionPlanExamples {

    static final String PLAN_INPUT = """
            {"teamId": "3febea1a-58b7-435a-a661-7af268f7cade", "year": 2024,
             "title": "Rencana Aksi Terpadu Penanganan Konflik Sosial Kota Pariaman 2024",
             "decree": "Keputusan Wali Kota Pariaman No. 300/21/2024"}""";

    static final String PLAN_REPLACE = """
            {"teamId": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a", "year": 2024,
             "title": "Rencana Aksi Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat 2024",
             "decree": "Keputusan Gubernur Sumatera Barat No. 300.2-112-2024"}""";

    static final String PLAN = """
            {"id": "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a", "teamId": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a",
             "level": "PROVINSI", "regionCode": "13", "year": 2024,
             "title": "Rencana Aksi Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat 2024",
             "decree": "Keputusan Gubernur Sumatera Barat No. 300.2-112-2024", "version": 0,
             "createdAt": "2024-01-10T02:00:00Z", "updatedAt": "2024-01-10T02:00:00Z"}""";

    static final String ITEM_INPUT = """
            {"stage": "PENCEGAHAN", "activity": "Rapat koordinasi deteksi dini menjelang Pilkada",
             "indicator": "Jumlah rapat koordinasi yang terlaksana", "targetValue": 4, "targetUnit": "kali",
             "responsibleAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12",
             "supportingAgencyIds": ["3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10"], "budgetIdr": 75000000,
             "startsOn": "2024-01-15", "endsOn": "2024-11-30"}""";

    /** A merge patch of an item: the schedule extended; the target and budget stay. */
    static final String ITEM_PATCH = """
            {"endsOn": "2024-12-15"}""";

    static final String ITEM = """
            {"id": "6c2e4a6b-8d0f-4c2e-9a4b-6d8f0a2c4e6b", "planId": "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a",
             "stage": "PENCEGAHAN", "activity": "Rapat koordinasi deteksi dini menjelang Pilkada",
             "indicator": "Jumlah rapat koordinasi yang terlaksana", "target": {"value": 4.00, "unit": "kali"},
             "responsibleAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12",
             "supportingAgencyIds": ["3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10"], "budgetIdr": 75000000,
             "startsOn": "2024-01-15", "endsOn": "2024-11-30", "version": 0,
             "createdAt": "2024-01-10T02:05:00Z", "updatedAt": "2024-01-10T02:05:00Z"}""";

    static final String REPORT_INPUT = """
            {"period": "B04", "realisation": 2, "obstacles": "Jadwal rapat bergeser karena tahapan pencalonan",
             "evidence": [{"url": "https://kesbangpol.sumbarprov.go.id/dokumen/notulen-rakor-b04-2024.pdf",
                           "description": "Notulen rapat koordinasi"}]}""";

    static final String REPORT = """
            {"id": "7d3f5b7c-9e1a-4d3f-8b5c-7e9a1b3d5f7c", "planId": "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a",
             "itemId": "6c2e4a6b-8d0f-4c2e-9a4b-6d8f0a2c4e6b", "period": "B04", "realisation": 2.00,
             "percentage": 50.00, "obstacles": "Jadwal rapat bergeser karena tahapan pencalonan",
             "evidence": [{"url": "https://kesbangpol.sumbarprov.go.id/dokumen/notulen-rakor-b04-2024.pdf",
                           "description": "Notulen rapat koordinasi"}],
             "status": "SUBMITTED", "submittedAt": "2024-05-03T03:00:00Z", "submittedBy": "kesbangpol.sumbar",
             "reviewedAt": null, "reviewedBy": null, "reviewNote": null, "reopeningReason": null,
             "reopenedAt": null, "reopenedBy": null, "version": 1,
             "createdAt": "2024-05-02T03:00:00Z", "updatedAt": "2024-05-03T03:00:00Z", "attachments": 0}""";

    static final String ACHIEVEMENT = """
            {"planId": "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a", "year": 2024, "rule": "For each period, an item scores …",
             "periods": [{"period": "B04", "startsOn": "2024-01-01", "endsOn": "2024-04-30", "started": true,
                          "overall": 50.00, "stages": [
                            {"stage": "PENCEGAHAN", "items": 1, "verifiedItems": 1, "achievement": 50.00},
                            {"stage": "PENGHENTIAN", "items": 0, "verifiedItems": 0, "achievement": null},
                            {"stage": "PEMULIHAN", "items": 0, "verifiedItems": 0, "achievement": null}]}]}""";

    static final String PAGE = "{\"items\": [" + PLAN + "], \"nextCursor\": null}";

    static final String RECAP = """
            {"year": 2024, "period": "B04", "started": true, "rule": "For each period, an item scores …",
             "rows": [{"rank": 1, "provinceCode": "13", "provinceName": "Sumatera Barat",
                       "planId": "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a", "items": 12, "verifiedItems": 10,
                       "achievement": 84.29}]}""";

    static final String ITEMS_PAGE = "{\"items\": [" + ITEM + "], \"nextCursor\": null}";

    static final String REPORTS_PAGE = "{\"items\": [" + REPORT + "], \"nextCursor\": null}";

    static final String SUBMIT = "{\"to\": \"SUBMITTED\"}";

    static final String RETURN = "{\"to\": \"RETURNED\", \"note\": \"Lampirkan notulen rapat kedua\"}";

    static final String VERIFY = "{\"to\": \"VERIFIED\"}";

    static final String REOPENING = """
            {"reason": "Realisasi B04 ternyata menghitung rapat yang dibatalkan; laporan perlu ditinjau ulang"}""";

    private ActionPlanExamples() {}
}

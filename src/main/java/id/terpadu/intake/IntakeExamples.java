package id.terpadu.intake;

/**
 * The examples of the API documentation of community reports and their triage, one constant each: the operations
 * refer to them in their {@code @ExampleObject}.
 */
final class IntakeExamples {

    private IntakeExamples() {}

    static final String CHALLENGE = """
            {"algorithm": "SHA-256", "challenge": "4a5d3c0e9b8f7a6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d",
             "maxnumber": 100000, "salt": "6f1e2d3c4b5a69788796a5b4?expires=1733460000",
             "signature": "9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9"}""";

    static final String SIMILAR = """
            {"windowHours": 72, "items": [{"type": "incident", "id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "title": "Bentrokan antarwarga terkait sengketa lahan sawit", "regionCode": "13.77",
             "categoryCode": "SENGKETA_LAHAN", "at": "2024-10-12T09:30:00Z", "verification": "BELUM_DIVERIFIKASI",
             "score": 0.612, "reasons": [{"code": "SAME_KABKOTA"}, {"code": "SAME_CATEGORY"},
             {"code": "TIME_WITHIN_HOURS", "value": 0.0}, {"code": "TITLE_SIMILARITY", "value": 0.25},
             {"code": "TEXT_SIMILARITY", "value": 0.2}]}]}""";

    static final String REPORT = """
            {"description": "Dua kelompok pemuda saling lempar batu di simpang Kampung Baru setelah pertandingan sepak bola antarkampung; beberapa orang luka.",
             "regionCode": "13.77", "locationText": "Simpang Kampung Baru, Pariaman Utara",
             "occurredAt": "2024-10-12T09:30:00Z", "categoryCode": "SENGKETA_LAHAN",
             "contactName": "Rina", "contactPhone": "0812 3456 7890",
             "altcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjoxMjM0LCJzYWx0IjoiLi4uIiwic2lnbmF0dXJlIjoiLi4uIn0="}""";

    static final String REPORT_AT_POINT = """
            {"description": "Massa berkumpul di depan balai desa dan membakar ban; jalan ditutup sejak pagi.",
             "point": {"lat": -0.6263, "lon": 100.1205},
             "locationText": "Depan balai desa, dekat pasar ikan", "occurredAt": "2024-10-12T07:15:00Z",
             "altcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjoxMjM0LCJzYWx0IjoiLi4uIiwic2lnbmF0dXJlIjoiLi4uIn0="}""";

    static final String ACCEPTED_REPORT = """
            {"trackingCode": "K7QM-4XPD-R2", "status": "DITERIMA", "reason": null,
             "receivedAt": "2024-10-12T10:02:00Z", "updatedAt": "2024-10-12T10:02:00Z", "photos": 0,
             "uploadKey": "q8Vb1mXr0cYk2HnZ7tW4sLpE9aJdF3uGi5oQx6yRvKe", "uploadKeyExpiresAt": "2024-10-12T11:02:00Z",
             "maxPhotos": 5, "maxPhotoBytes": 20971520}""";

    static final String RECEIVED = """
            {"trackingCode": "K7QM-4XPD-R2", "status": "DITERIMA", "reason": null,
             "receivedAt": "2024-10-12T10:02:00Z", "updatedAt": "2024-10-12T10:02:00Z", "photos": 2}""";

    static final String REJECTED = """
            {"trackingCode": "K7QM-4XPD-R2", "status": "DITOLAK",
             "reason": "Perselisihan perdata antarwarga, bukan konflik sosial; silakan melapor ke kelurahan.",
             "receivedAt": "2024-10-12T10:02:00Z", "updatedAt": "2024-10-14T03:15:00Z", "photos": 0}""";

    static final String ITEM = """
            {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "trackingCode": "K7QM-4XPD-R2",
             "description": "Dua kelompok pemuda saling lempar batu di simpang Kampung Baru.", "regionCode": "13.77",
             "point": null, "locationText": "Simpang Kampung Baru, Pariaman Utara",
             "occurredAt": "2024-10-12T09:30:00Z", "categoryCode": "SENGKETA_LAHAN", "contactName": "R***",
             "contactPhone": "**************", "anonymous": false, "personalDataVisible": false,
             "teamId": "3febea1a-58b7-435a-a661-7af268f7cade", "queueRegion": "13.77", "status": "BARU",
             "publicStatus": "DITERIMA", "publicReason": null, "publicStatusAt": "2024-10-12T10:02:00Z",
             "triageNote": null, "receivedAt": "2024-10-12T10:02:00Z", "dueAt": "2024-10-16T10:02:00Z",
             "overdue": false, "firstActionAt": null, "linkedType": null, "linkedId": null, "regionUnknown": false,
             "version": 0,
             "updatedAt": "2024-10-12T10:02:00Z"}""";

    static final String PAGE = "{\"items\": [" + ITEM + "], \"nextCursor\": null}";

    static final String ACCEPT = """
            {"action": "ACCEPT_AS_INCIDENT", "title": "Bentrokan pemuda di Simpang Kampung Baru",
             "categoryCode": "SENGKETA_LAHAN", "severity": 2, "classification": "RESTRICTED",
             "note": "Dikonfirmasi Polres Pariaman lewat telepon"}""";

    static final String ACCEPTED = """
            {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "trackingCode": "K7QM-4XPD-R2",
             "description": "Dua kelompok pemuda saling lempar batu di simpang Kampung Baru.", "regionCode": "13.77",
             "point": null, "locationText": "Simpang Kampung Baru, Pariaman Utara",
             "occurredAt": "2024-10-12T09:30:00Z", "categoryCode": "SENGKETA_LAHAN", "contactName": "Rina",
             "contactPhone": "0812 3456 7890", "anonymous": false, "personalDataVisible": true,
             "teamId": "3febea1a-58b7-435a-a661-7af268f7cade", "queueRegion": "13.77", "status": "DIVERIFIKASI",
             "publicStatus": "DIVERIFIKASI", "publicReason": null, "publicStatusAt": "2024-10-13T02:00:00Z",
             "triageNote": "Dikonfirmasi Polres Pariaman lewat telepon", "receivedAt": "2024-10-12T10:02:00Z",
             "dueAt": "2024-10-16T10:02:00Z", "overdue": false, "firstActionAt": "2024-10-13T02:00:00Z",
             "linkedType": "INCIDENT", "linkedId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f", "regionUnknown": false,
             "version": 1,
             "updatedAt": "2024-10-13T02:00:00Z"}""";
}

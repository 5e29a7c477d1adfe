package id.terpadu.meeting;

/**
 * The examples of the API documentation of meetings and their decisions, one constant each: the operations refer to
 * them in their {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class MeetingExamples {

    static final String INPUT = """
            {"teamId": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a", "kind": "RUTIN",
             "title": "Rakor Tim Terpadu PKS Provinsi Sumatera Barat menjelang Pilkada 2024",
             "startsAt": "2024-10-28T02:00:00Z", "endsAt": "2024-10-28T05:00:00Z",
             "place": "Aula Kantor Kesbangpol Provinsi Sumatera Barat, Padang",
             "chair": "Kepala Badan Kesbangpol Provinsi Sumatera Barat",
             "agenda": ["Kerawanan Pilkada 2024", "Netralitas ASN"],
             "attendees": [
               {"agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "organisation": "Badan Kesbangpol Provinsi Sumatera Barat",
                "position": "Kepala Badan", "attendance": "HADIR"},
               {"organisation": "Bawaslu Provinsi Sumatera Barat", "position": "Ketua", "attendance": "DIWAKILI",
                "representedBy": "Koordinator Divisi Pencegahan"},
               {"organisation": "Polda Sumatera Barat", "position": "Dirintelkam", "attendance": "HADIR"}],
             "minutes": "Bawaslu melaporkan grup WhatsApp ASN Kota Pariaman yang mendukung salah satu pasangan calon.",
             "incidentIds": [], "earlyWarningIds": []}""";

    /** A merge patch: the meeting moved to another room; every other field stays. */
    static final String PATCH = """
            {"place": "Ruang Rapat Sekretariat Daerah Provinsi Sumatera Barat, Padang"}""";

    static final String DECISION = """
            {"id": "2a4c6e8a-0b2d-4f6a-8c0e-2a4c6e8a0b2d", "meetingId": "1f3a5c7e-9b1d-4f3a-8c5e-7a9b1c3d5e7f",
             "description": "Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman",
             "ownerAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "dueOn": "2024-11-04", "status": "OPEN",
             "overdue": false, "followUps": [], "reopeningReason": null, "reopenedAt": null, "reopenedBy": null,
             "version": 0, "createdAt": "2024-10-28T05:10:00Z", "updatedAt": "2024-10-28T05:10:00Z"}""";

    /** A decision marked DONE by mistake and reopened: IN_PROGRESS again, its follow-ups keeping both moves. */
    static final String DECISION_REOPENED = """
            {"id": "2a4c6e8a-0b2d-4f6a-8c0e-2a4c6e8a0b2d", "meetingId": "1f3a5c7e-9b1d-4f3a-8c5e-7a9b1c3d5e7f",
             "description": "Polres Pariaman menambah patroli di perbatasan desa",
             "ownerAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "dueOn": "2024-11-04", "status": "IN_PROGRESS",
             "overdue": false,
             "followUps": [
               {"at": "2024-10-30T03:00:00Z", "by": "kesbangpol.sumbar", "status": "DONE", "note": null},
               {"at": "2024-10-31T02:00:00Z", "by": "kesbangpol.sumbar", "status": "IN_PROGRESS",
                "note": "Ditandai selesai karena salah pilih keputusan; patroli di perbatasan desa masih berjalan"}],
             "reopeningReason": "Ditandai selesai karena salah pilih keputusan; patroli di perbatasan desa masih berjalan",
             "reopenedAt": "2024-10-31T02:00:00Z", "reopenedBy": "kesbangpol.sumbar",
             "version": 2, "createdAt": "2024-10-28T05:10:00Z", "updatedAt": "2024-10-31T02:00:00Z"}""";

    static final String RESPONSE = """
            {"id": "1f3a5c7e-9b1d-4f3a-8c5e-7a9b1c3d5e7f", "teamId": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a",
             "regionCode": "13", "kind": "RUTIN",
             "title": "Rakor Tim Terpadu PKS Provinsi Sumatera Barat menjelang Pilkada 2024",
             "startsAt": "2024-10-28T02:00:00Z", "endsAt": "2024-10-28T05:00:00Z",
             "place": "Aula Kantor Kesbangpol Provinsi Sumatera Barat, Padang",
             "chair": "Kepala Badan Kesbangpol Provinsi Sumatera Barat", "agenda": ["Kerawanan Pilkada 2024", "Netralitas ASN"],
             "attendees": [{"agencyId": null, "organisation": "Bawaslu Provinsi Sumatera Barat", "personName": null,
                            "position": "Ketua", "attendance": "DIWAKILI", "representedBy": "Koordinator Divisi Pencegahan"}],
             "minutes": "Bawaslu melaporkan grup WhatsApp ASN Kota Pariaman yang mendukung salah satu pasangan calon.",
             "incidentIds": [], "earlyWarningIds": [], "decisions": [""" + DECISION + """
             ], "version": 0, "createdAt": "2024-10-28T05:00:00Z", "updatedAt": "2024-10-28T05:00:00Z", "attachments": 0}""";

    static final String DECISIONS_PAGE = "{\"items\": [" + DECISION + "], \"nextCursor\": null}";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String DECISION_INPUT = """
            {"description": "Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman",
             "ownerAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "dueOn": "2024-11-04"}""";

    static final String DECISION_CORRECTION = """
            {"description": "Polres Pariaman menambah patroli di perbatasan kedua desa sampai penetapan hasil",
             "ownerAgencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "dueOn": "2024-10-28"}""";

    static final String PROGRESS =
            "{\"status\": \"IN_PROGRESS\", \"note\": \"Temuan diregistrasi Bawaslu Kota Pariaman\"}";

    static final String DONE = "{\"status\": \"DONE\"}";

    static final String REOPENING = """
            {"reason": "Ditandai selesai karena salah pilih keputusan; patroli di perbatasan desa masih berjalan"}""";

    private MeetingExamples() {}
}

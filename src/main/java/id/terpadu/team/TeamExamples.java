package id.terpadu.team;

/**
 * The examples of the API documentation of teams and their members, one constant each: the operations refer to them
 * in their {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class TeamExamples {

    static final String INPUT = """
            {"level": "KABUPATEN_KOTA", "regionCode": "13.05", "year": 2024,
             "decreeNumber": "Keputusan Bupati Padang Pariaman No. 300/18/2024", "decreeDate": "2024-02-12",
             "secretariatAgencyId": "39af44b9-fb77-4905-95fd-3d8a028a384b"}""";

    static final String REPLACE = """
            {"level": "PROVINSI", "regionCode": "13", "year": 2024,
             "decreeNumber": "Keputusan Gubernur Sumatera Barat No. 300.2-45-2024", "decreeDate": "2024-01-22",
             "secretariatAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12"}""";

    /** A merge patch: a mistyped decree number and date corrected. */
    static final String PATCH = """
            {"decreeNumber": "Keputusan Gubernur Sumatera Barat No. 300.2-46-2024", "decreeDate": "2024-01-23"}""";

    static final String RESPONSE = """
            {"id": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a", "level": "PROVINSI", "regionCode": "13",
             "name": "Tim Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat", "year": 2024,
             "decreeNumber": "Keputusan Gubernur Sumatera Barat No. 300.2-45-2024", "decreeDate": "2024-01-22",
             "secretariatAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "version": 0,
             "createdAt": "2023-02-10T03:00:00Z", "updatedAt": "2023-02-10T03:00:00Z", "attachments": 0}""";

    static final String MEMBER_INPUT = """
            {"agencyId": "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f", "personName": "Dirreskrimum Polda Sumatera Barat",
             "position": "Direktur Reserse Kriminal Umum", "role": "ANGGOTA", "subTeam": "PENGHENTIAN"}""";

    /** A merge patch of a member: moved to the prevention sub-team. */
    static final String MEMBER_PATCH = """
            {"subTeam": "PENCEGAHAN"}""";

    static final String MEMBER = """
            {"id": "c3d2e1f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "teamId": "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a",
             "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "personName": "Drs. Fulan bin Fulan",
             "position": "Kepala Badan Kesbangpol Provinsi", "role": "SEKRETARIS", "subTeam": "PENCEGAHAN",
             "version": 0, "createdAt": "2023-02-10T03:05:00Z", "updatedAt": "2023-02-10T03:05:00Z"}""";

    static final String MEMBERS_PAGE = "{\"items\": [" + MEMBER + "], \"nextCursor\": null}";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    private TeamExamples() {}
}

package id.terpadu.neutrality;

/**
 * The examples of the API documentation of neutrality cases and their statistics, one constant each: the operations
 * refer to them in their {@code @ExampleObject}, and the document defines each once under
 * {@code components/examples}.
 */
final class NeutralityExamples {

    static final String INPUT = """
            {"electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
             "registerNumber": "017/Reg/TM/PB/Kota/03.07/XI/2024", "receivedOn": "2024-10-21",
             "summary": "Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon",
             "violationForms": ["MEDIA_SOSIAL"],
             "evidence": [{"description": "Tangkapan layar percakapan grup WhatsApp"}],
             "handlingAgencyId": "4356ec79-44a1-4e5e-91b2-641ad892190b",
             "persons": [{"name": "Budi Santoso", "employer": "Pemerintah Kota Pariaman", "positionCategory": "PELAKSANA",
                          "positionTitle": "Staf Dinas Pendidikan"}]}""";

    static final String RESPONSE = """
            {"id": "4e6a8c0e-2b4d-4f6a-9c8e-0a2b4c6d8e0f", "electionType": "PILKADA", "electionYear": 2024,
             "regionCode": "13.77", "source": "TEMUAN", "registerNumber": "017/Reg/TM/PB/Kota/03.07/XI/2024",
             "receivedOn": "2024-10-21",
             "summary": "Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon",
             "violationForms": ["MEDIA_SOSIAL"], "evidence": [{"description": "Tangkapan layar percakapan grup WhatsApp", "url": null}],
             "reporterName": null, "handlingAgencyId": "4356ec79-44a1-4e5e-91b2-641ad892190b",
             "personalDataVisible": false, "statusCounts": {"REKOMENDASI": 1},
             "persons": [{"id": "6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b", "name": "B*** S***", "nip": null,
                          "employer": "Pemerintah Kota Pariaman", "positionCategory": "PELAKSANA",
                          "positionTitle": "Staf Dinas Pendidikan", "status": "REKOMENDASI", "recipient": "BKN",
                          "recommendedOn": "2024-11-04", "sanction": null, "decidedOn": null, "note": null,
                          "reopeningReason": null, "reopenedAt": null, "reopenedBy": null}],
             "removedPersons": [], "version": 3, "createdAt": "2024-10-21T03:00:00Z", "updatedAt": "2024-11-04T03:00:00Z", "attachments": 0}""";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String REPLACE = """
            {"electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
             "receivedOn": "2024-10-21", "summary": "Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon",
             "violationForms": ["MEDIA_SOSIAL", "KEGIATAN_PARTISAN"], "handlingAgencyId": "4356ec79-44a1-4e5e-91b2-641ad892190b"}""";

    /** A merge patch: the evidence Bawaslu handed over; every other field stays. */
    static final String PATCH = """
            {"evidence": [{"description": "Tangkapan layar percakapan grup WhatsApp", "url": "https://bawaslu-pariaman.example/berkas/temuan-017"}]}""";

    static final String MORE = """
            {"persons": [{"name": "Siti Rahmah", "employer": "Pemerintah Kota Pariaman", "positionCategory": "FUNGSIONAL",
                          "positionTitle": "Guru SD"}]}""";

    static final String PERSON_CORRECTION = """
            {"name": "Rahmad Hidayat", "nip": "198703122010011004", "employer": "Pemerintah Kota Pariaman",
             "positionCategory": "PELAKSANA", "positionTitle": "Lurah Pasar"}""";

    static final String STUDY = """
            {"personIds": ["6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b"], "to": "KAJIAN", "decidedOn": "2024-10-22"}""";

    static final String TO_BKN = """
            {"personIds": ["6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b"], "to": "REKOMENDASI", "recipient": "BKN",
             "decidedOn": "2024-11-04", "note": "Rekomendasi Bawaslu Kota Pariaman"}""";

    static final String SANCTION = """
            {"personIds": ["6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b"], "to": "SANKSI_DIJATUHKAN",
             "sanction": "DISIPLIN_SEDANG", "decidedOn": "2024-12-20"}""";

    static final String REMOVAL = """
            {"reason": "Tercatat dua kali: nama yang sama sudah ada pada kasus ini"}""";

    static final String SANCTION_REOPENING = """
            {"personId": "6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b",
             "reason": "Keputusan PPK dibatalkan oleh putusan banding administratif"}""";

    static final String STATISTICS = """
            {"groupBy": ["status", "recipient"], "truncated": false, "rows": [
              {"key": {"status": "REKOMENDASI", "recipient": "BKN"}, "cases": 1, "persons": 5, "violations": 5},
              {"key": {"status": "REKOMENDASI", "recipient": "POLRI"}, "cases": 1, "persons": 10, "violations": 10}]}""";

    private NeutralityExamples() {}
}

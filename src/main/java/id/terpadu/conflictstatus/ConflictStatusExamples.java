package id.terpadu.conflictstatus;

/**
 * The examples of the API documentation of conflict statuses and TNI assistance, one constant each: the operations
 * refer to them in their {@code @ExampleObject}, and the document defines each once under
 * {@code components/examples}.
 */
final class ConflictStatusExamples {

    static final String RESPONSE = """
            {"id": "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b", "scale": "KABUPATEN_KOTA", "regionCode": "13.77",
             "declaredBy": "Wali Kota Pariaman", "decreeNumber": "Keputusan Wali Kota Pariaman No. 300/45/2024",
             "consultationDate": "2024-10-13", "startsOn": "2024-10-14", "endsOn": "2024-12-31",
             "effectiveEndsOn": "2024-12-31", "revokedOn": null, "revocationReason": null, "revocationDecree": null,
             "state": "DITETAPKAN", "active": true, "extensions": [], "version": 0,
             "createdAt": "2024-10-14T01:00:00Z", "updatedAt": "2024-10-14T01:00:00Z", "attachments": 0}""";

    static final String TNI = """
            {"id": "8a6c4e2b-0f1d-4b3a-9c5e-7f9a1b3c5d7e", "statusId": "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b",
             "requestedBy": "Wali Kota Pariaman", "reason": "Bentrokan meluas, Polres membutuhkan dukungan",
             "units": ["Kodim 0308/Pariaman"], "tasks": ["PENGHENTIAN_KEKERASAN", "PENYELAMATAN"],
             "startsOn": "2024-10-15", "endsOn": "2024-10-29", "endedOn": null, "endReason": null,
             "effectiveEndsOn": "2024-10-29", "active": true,
             "version": 0, "createdAt": "2024-10-15T01:00:00Z", "updatedAt": "2024-10-15T01:00:00Z"}""";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String INPUT = """
            {"scale": "KABUPATEN_KOTA", "regionCode": "13.77", "declaredBy": "Wali Kota Pariaman",
             "decreeNumber": "Keputusan Wali Kota Pariaman No. 300/45/2024", "consultationDate": "2024-10-13",
             "startsOn": "2024-10-14", "endsOn": "2024-12-31"}""";

    static final String EXTENSION = """
            {"decreeNumber": "Keputusan Wali Kota No. 300/52/2024", "reason": "Situasi belum pulih", "days": 30}""";

    static final String REVOCATION = """
            {"revokedOn": "2024-11-20", "reason": "Konflik telah dapat dikendalikan", "decreeNumber": "Keputusan Wali Kota No. 300/60/2024"}""";

    static final String TNI_PAGE = "{\"items\": [" + TNI + "], \"nextCursor\": null}";

    static final String TNI_INPUT = """
            {"requestedBy": "Wali Kota Pariaman", "reason": "Bentrokan meluas, Polres membutuhkan dukungan",
             "units": ["Kodim 0308/Pariaman"], "tasks": ["PENGHENTIAN_KEKERASAN", "PENYELAMATAN"],
             "startsOn": "2024-10-15", "endsOn": "2024-10-29"}""";

    static final String CORRECTION = """
            {"scale": "KABUPATEN_KOTA", "regionCode": "13.77", "declaredBy": "Wali Kota Pariaman",
             "decreeNumber": "Keputusan Wali Kota Pariaman No. 300/41/2024", "consultationDate": "2024-10-13",
             "startsOn": "2024-10-14", "endsOn": "2024-11-12"}""";

    static final String TNI_AMENDMENT = """
            {"requestedBy": "Wali Kota Pariaman", "reason": "Bentrokan meluas ke dua kecamatan, Polres membutuhkan dukungan",
             "units": ["Kodim 0308/Pariaman", "Yonif 133/Yudha Sakti"], "tasks": ["PENGHENTIAN_KEKERASAN", "PENYELAMATAN"],
             "startsOn": "2024-10-15", "endsOn": "2024-10-29"}""";

    static final String TNI_ENDING = """
            {"endedOn": "2024-10-22", "reason": "Situasi terkendali, Polres tidak lagi memerlukan dukungan"}""";

    private ConflictStatusExamples() {}
}

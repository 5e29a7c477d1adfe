package id.terpadu.account;

/**
 * The examples of the API documentation of accounts, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class AccountExamples {

    static final String ACCOUNT = """
            {"id": "5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b", "issuer": "https://terpadu.local/dev",
             "subject": "operator.polres.pariaman", "name": "Rahmat Hidayat",
             "agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "regionCode": "13.77", "roles": ["OFFICER"],
             "regionScope": ["13.77"], "email": "rahmat@polres.example", "phone": "+62 751 91110", "language": "id",
             "active": true, "deactivatedAt": null, "deactivatedBy": null, "deactivationReason": null,
             "personalDataVisible": true, "version": 0, "createdAt": "2026-11-23T03:00:00Z",
             "updatedAt": "2026-11-23T03:00:00Z"}""";

    static final String PAGE = "{\"items\": [" + ACCOUNT + "], \"nextCursor\": null}";

    static final String INPUT = """
            {"issuer": "https://terpadu.local/dev", "subject": "operator.kesbangpol.pariaman", "name": "Dewi Lestari",
             "agencyId": "4c4fda2c-a4bc-4e17-b787-44292bee6c37", "roles": ["OFFICER"], "regionScope": ["13.77"],
             "email": "dewi@kesbangpol.example", "phone": "+62 751 92001", "language": "id"}""";

    static final String REPLACE = """
            {"issuer": "https://terpadu.local/dev", "subject": "operator.polres.pariaman", "name": "Rahmat Hidayat",
             "agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "roles": ["OFFICER", "ANALYST"],
             "regionScope": ["13.77"], "email": "rahmat@polres.example", "phone": "+62 751 91110", "language": "en"}""";

    static final String DEACTIVATE = "{\"reason\": \"Pindah tugas ke Kabupaten Agam\"}";

    static final String ME = """
            {"source": "account", "issuer": "https://terpadu.local/dev", "subject": "operator.polres.pariaman",
             "name": "Rahmat Hidayat", "agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "roles": ["OFFICER"],
             "regionScope": ["13.77"], "clearance": "RESTRICTED", "personalData": true, "account": """ + ACCOUNT + "}";

    private AccountExamples() {}
}

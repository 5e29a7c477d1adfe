package id.terpadu.dev;

/**
 * The examples of the API documentation of the development operations: tokens and the demo data set, one constant
 * each: the operations refer to them in their {@code @ExampleObject}, and the document defines each once under
 * {@code components/examples}.
 */
final class DevExamples {

    static final String NONE = "{}";

    static final String COMPLETE = """
            {"created": 0, "records": [{"type": "incident", "id": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
              "path": "/incidents/5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f", "created": false}]}""";

    static final String COORDINATOR_SUMBAR = """
            {"subject": "kesbangpol.sumbar.sekretariat", "name": "Sekretariat Timdu PKS Sumatera Barat",
             "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "roles": ["COORDINATOR"], "regionScope": ["13"]}""";

    static final String ADMIN_NATIONAL = """
            {"subject": "admin.pusat", "roles": ["ADMIN"], "regionScope": []}""";

    static final String TOKEN = """
            {"accessToken": "eyJraWQiOiJ0ZXJwYWR1LWRldmVsb3BtZW50LW9ubHkiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ…",
             "tokenType": "Bearer", "expiresAt": "2026-11-23T11:00:00Z", "subject": "kesbangpol.sumbar.sekretariat",
             "roles": ["COORDINATOR"], "regionScope": ["13"]}""";

    private DevExamples() {}
}

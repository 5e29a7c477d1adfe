package id.terpadu.apikey;

/**
 * The examples of the API documentation of API keys, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class ApiKeyExamples {

    static final String KEY = """
            {"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12",
             "name": "Dasbor Kesbangpol Provinsi Sumatera Barat", "prefix": "tpd_Xy3kP9aQ", "regionScope": ["13"],
             "scopes": ["read", "feed:read"], "classification": "RESTRICTED", "expiresAt": "2027-06-30T00:00:00Z",
             "revokedAt": null, "revokedBy": null, "revocationReason": null, "lastUsedAt": null, "active": true,
             "version": 0, "createdAt": "2026-11-23T03:00:00Z", "updatedAt": "2026-11-23T03:00:00Z"}""";

    static final String PAGE = "{\"items\": [" + KEY + "], \"nextCursor\": null}";

    static final String DASHBOARD = """
            {"agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "name": "Dasbor Kesbangpol Provinsi Sumatera Barat",
             "regionScope": ["13"], "scopes": ["read", "feed:read"], "classification": "RESTRICTED",
             "expiresAt": "2027-06-30T00:00:00Z"}""";

    static final String CREATED =
            "{\"key\": \"tpd_Xy3kP9aQ2mV8sLr0eWc7TnB4uZq1HdFgJk6NoYpEiA\", \"apiKey\": " + KEY + "}";

    static final String REVOKE = "{\"reason\": \"Skrip dasbor diganti\"}";

    private ApiKeyExamples() {}
}

package id.terpadu.privacy;

/**
 * The examples of the API documentation of the personal data access log, one constant each: the operations refer to
 * them in their {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class PrivacyExamples {

    static final String PAGE = """
            {"items": [{"id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", "accessedAt": "2026-11-23T03:15:00Z",
              "actor": "budi.kesbangpol", "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "clientId": null,
              "entityType": "neutrality-case", "entityId": "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", "regionCode": "13.77",
              "method": "GET", "path": "/api/v1/neutrality-cases/6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
              "requestId": "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11"}], "nextCursor": null}""";

    private PrivacyExamples() {}
}

package id.terpadu.webhook;

/**
 * The examples of the API documentation of webhooks, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class WebhookExamples {

    static final String INPUT = """
            {"url": "http://localhost:9/terpadu-demo", "description": "Dasbor situasi Kota Pariaman (development: replace the URL by your receiver's)",
             "eventTypes": ["incident", "early-warning", "conflict-status"], "regionCode": "13.77", "maxClassification": "RESTRICTED"}""";

    static final String RESPONSE = """
            {"id": "7d3f9a2c-5b1e-4c8d-9e0f-1a2b3c4d5e6f", "url": "https://siaga.babelprov.example/hooks/terpadu",
             "description": "Dasbor situasi Provinsi Kepulauan Bangka Belitung",
             "eventTypes": ["incident", "early-warning", "conflict-status"], "regionCode": "19",
             "maxClassification": "RESTRICTED", "status": "ACTIVE", "statusReason": null, "version": 0,
             "createdBy": "kesbangpol.babel", "createdAt": "2026-02-14T02:15:00Z", "updatedAt": "2026-02-14T02:15:00Z"}""";

    static final String CREATED = """
            {"id": "7d3f9a2c-5b1e-4c8d-9e0f-1a2b3c4d5e6f", "url": "https://siaga.babelprov.example/hooks/terpadu",
             "description": "Dasbor situasi Provinsi Kepulauan Bangka Belitung",
             "eventTypes": ["incident", "early-warning", "conflict-status"], "regionCode": "19",
             "maxClassification": "RESTRICTED", "status": "ACTIVE", "statusReason": null,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw6ohvBFsC3ag=", "version": 0,
             "createdBy": "kesbangpol.babel", "createdAt": "2026-02-14T02:15:00Z", "updatedAt": "2026-02-14T02:15:00Z"}""";

    static final String DELIVERY = """
            {"id": "0b6f2d4e-8a1c-4e3f-b5d7-9c1e3a5b7d9f", "subscriptionId": "7d3f9a2c-5b1e-4c8d-9e0f-1a2b3c4d5e6f",
             "changePosition": 42, "eventType": "incident", "entityId": "5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b",
             "operation": "CREATE", "entityVersion": 0, "status": "DELIVERED", "attempts": 2, "nextAttemptAt": null,
             "lastError": null, "finishedAt": "2026-02-14T02:15:31Z", "createdAt": "2026-02-14T02:15:00Z",
             "attemptLog": [
               {"number": 1, "attemptedAt": "2026-02-14T02:15:01Z", "statusCode": 503, "latencyMs": 87,
                "error": "HTTP 503", "retryAt": "2026-02-14T02:15:24Z"},
               {"number": 2, "attemptedAt": "2026-02-14T02:15:25Z", "statusCode": 200, "latencyMs": 64,
                "error": null, "retryAt": null}]}""";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    static final String DELIVERY_PAGE = "{\"items\": [" + DELIVERY + "], \"nextCursor\": null}";

    static final String ENABLE = "{\"reason\": \"Sertifikat TLS penerima sudah diperbarui\"}";

    private WebhookExamples() {}
}

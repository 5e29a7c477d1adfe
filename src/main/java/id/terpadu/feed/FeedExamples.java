package id.terpadu.feed;

/**
 * The examples of the API documentation of the change feed, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class FeedExamples {

    static final String PAGE = """
            {"items": [
              {"cursor": "WyI3NDIiLCIxMjA0Il0", "type": "incident", "id": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10",
               "operation": "UPDATE", "version": 2, "occurredAt": "2024-11-28T03:00:00Z", "tombstone": null,
               "snapshot": {"id": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "title": "Bentrokan warga", "stage": "PENGHENTIAN",
                            "regionCode": "19.71", "classification": "RESTRICTED", "version": 2}},
              {"cursor": "WyI3NDUiLCIxMjA5Il0", "type": "early-warning", "id": "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11",
               "operation": "DELETE", "version": 4, "occurredAt": "2024-11-28T03:05:00Z", "tombstone": "OUT_OF_VIEW",
               "snapshot": {"id": "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11", "deleted": true}}],
             "nextCursor": "WyI3NDUiLCIxMjA5Il0", "hasMore": false}""";

    static final String LATEST = "{\"cursor\": \"WyI3NDUiLCIxMjA5Il0\"}";

    private FeedExamples() {}
}

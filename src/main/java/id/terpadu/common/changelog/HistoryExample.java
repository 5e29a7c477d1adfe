package id.terpadu.common.changelog;

/** The example of a history page shown in the API documentation of every {@code …/{id}/history}. */
public final class HistoryExample {

    public static final String VALUE = """
            {"items": [{"position": 41, "entityType": "agency", "entityId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10",
                        "operation": "CREATE", "version": 0, "actor": "kesbangpol.babel.sekretariat",
                        "actorAgencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "clientId": "terpadu-mobile",
                        "requestId": "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11", "occurredAt": "2026-02-14T02:15:00Z",
                        "snapshot": {"id": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "name": "Polres Bangka", "type": "POLRI",
                                     "regionCode": "19.01", "version": 0}}],
             "nextCursor": null}""";

    private HistoryExample() {}
}

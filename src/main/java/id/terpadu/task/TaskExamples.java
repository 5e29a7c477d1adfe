package id.terpadu.task;

/**
 * The examples of the API documentation of tasks, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class TaskExamples {

    static final String TASK = """
            {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "incidentId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "warningId": null, "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "description": "Siapkan posko pengungsian di balai desa",
             "dueAt": "2024-10-13T06:00:00Z", "state": "ALERTED", "unableReason": null, "cancelReason": null, "overdue": false,
             "escalatedAt": null, "escalatedToTeamId": null, "escalations": [], "version": 0,
             "createdAt": "2024-10-12T12:40:00Z", "updatedAt": "2024-10-12T12:40:00Z"}""";

    static final String TASKS_PAGE = "{\"items\": [" + TASK + "], \"nextCursor\": null}";

    static final String WARNING_TASK = """
            {"id": "2f8e4a6c-1b3d-4e5f-a7c9-0b2d4f6a8c1e", "incidentId": null,
             "warningId": "4d3c2b1a-0f9e-4d8c-b7a6-958473625140", "agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10",
             "description": "Patroli dialogis di posko kedua paslon sampai penetapan", "dueAt": "2024-10-20T06:00:00Z",
             "state": "ALERTED", "unableReason": null, "cancelReason": null, "overdue": false, "escalatedAt": null, "escalatedToTeamId": null,
             "escalations": [], "version": 0, "createdAt": "2024-10-14T08:00:00Z", "updatedAt": "2024-10-14T08:00:00Z"}""";

    static final String WARNING_TASKS_PAGE = "{\"items\": [" + WARNING_TASK + "], \"nextCursor\": null}";

    static final String PATROLI = """
            {"agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "description": "Patroli dialogis di posko kedua paslon",
             "dueAt": "2024-10-20T06:00:00Z"}""";

    static final String POSKO = """
            {"agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "description": "Siapkan posko pengungsian di balai desa",
             "dueAt": "2024-10-13T06:00:00Z"}""";

    static final String REDATE = """
            {"agencyId": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "description": "Jaga perbatasan kedua desa selama lima hari",
             "dueAt": "2024-10-17T06:00:00Z"}""";

    static final String ACKNOWLEDGE = "{\"to\": \"ACKNOWLEDGED\"}";

    static final String UNABLE = "{\"to\": \"UNABLE\", \"reason\": \"Personel sedang bertugas pengamanan pilkada\"}";

    private TaskExamples() {}

    static final String STATISTICS = """
            {"groupBy": ["state"], "truncated": false,
             "rows": [{"key": {"state": "ACKNOWLEDGED"}, "tasks": 3, "open": 3, "overdue": 1},
                      {"key": {"state": "DONE"}, "tasks": 4, "open": 0, "overdue": 0}]}""";
}

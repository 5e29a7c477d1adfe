package id.terpadu.task;

/**
 * The examples of the API documentation of tasks, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class TaskExamples {

    static final String TASK = """
            {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "incidentId": "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
             "agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "description": "Siapkan posko pengungsian di balai desa",
             "dueAt": "2024-10-13T06:00:00Z", "state": "ALERTED", "unableReason": null, "overdue": false,
             "escalatedAt": null, "escalatedToTeamId": null, "escalations": [], "version": 0,
             "createdAt": "2024-10-12T12:40:00Z", "updatedAt": "2024-10-12T12:40:00Z"}""";

    static final String TASKS_PAGE = "{\"items\": [" + TASK + "], \"nextCursor\": null}";

    static final String POSKO = """
            {"agencyId": "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12", "description": "Siapkan posko pengungsian di balai desa",
             "dueAt": "2024-10-13T06:00:00Z"}""";

    static final String ACKNOWLEDGE = "{\"to\": \"ACKNOWLEDGED\"}";

    static final String UNABLE = "{\"to\": \"UNABLE\", \"reason\": \"Personel sedang bertugas pengamanan pilkada\"}";

    private TaskExamples() {}
}

package id.terpadu.notification;

/** The examples of the inbox and preferences documentation. */
final class NotificationExamples {

    static final String PAGE = """
            {"items": [{"id": 42, "kind": "TASK_ESCALATED", "recordType": "incident-task",
              "recordId": "0c4f6a2e-9b1d-4e7a-8c3f-5d2e1a0b9c8d",
              "path": "/api/v1/incidents/5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f/tasks/0c4f6a2e-9b1d-4e7a-8c3f-5d2e1a0b9c8d",
              "regionCode": "13.77", "teamId": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "occurredAt": "2024-10-14T06:00:12Z"}],
             "nextCursor": null}""";

    static final String SUMMARY = """
            {"unread": 3, "latest": 42}""";

    static final String READ_SOME = """
            {"upTo": 42, "ids": [41, 42]}""";

    static final String READ_ALL = """
            {"upTo": 42}""";

    static final String READ_RESULT = """
            {"marked": 2, "unread": 1}""";

    static final String PREFERENCES_INPUT = """
            {"events": [{"kind": "TASK_DUE_SOON", "inbox": true, "email": false},
                        {"kind": "WARNING_HIGH_RISK", "inbox": true, "email": true}],
             "emailDelivery": "IMMEDIATE"}""";

    static final String PREFERENCES = """
            {"events": [{"kind": "TASK_ASSIGNED", "inbox": true, "email": true},
                        {"kind": "TASK_ACKNOWLEDGED", "inbox": true, "email": true},
                        {"kind": "TASK_DUE_SOON", "inbox": true, "email": false},
                        {"kind": "TASK_OVERDUE", "inbox": true, "email": true},
                        {"kind": "TASK_ESCALATED", "inbox": true, "email": true},
                        {"kind": "WARNING_HIGH_RISK", "inbox": true, "email": true}],
             "emailDelivery": "IMMEDIATE", "emailAvailable": true, "version": 1}""";

    private NotificationExamples() {}
}

package id.terpadu.dev;

/**
 * The ids of the development demo data set ({@link DemoData}): the records the OpenAPI examples name, in Sumatera
 * Barat (13) and Kota Pariaman (13.77). The examples of the path parameters point at them ({@link DemoExamples}), so
 * that every example in Swagger UI succeeds on a fresh development database. Records an example changes for good
 * (deletes, stage moves, escalation, revocation) have a record of their own, so that the others stay usable.
 */
public final class DemoIds {

    private DemoIds() {}

    // agencies
    public static final String KESBANGPOL_SUMBAR = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12";
    public static final String POLDA_SUMBAR = "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f";
    public static final String POLRES_PARIAMAN = "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10";
    public static final String KESBANGPOL_PARIAMAN = "4c4fda2c-a4bc-4e17-b787-44292bee6c37";
    public static final String KESBANGPOL_PADANG_PARIAMAN = "39af44b9-fb77-4905-95fd-3d8a028a384b";
    public static final String BAWASLU_PARIAMAN = "4356ec79-44a1-4e5e-91b2-641ad892190b";
    public static final String AGENCY_TO_DELETE = "0f024131-0ef5-4479-a545-e83de4a3aadc";

    // teams and members
    public static final String TEAM = "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a";
    public static final String TEAM_PARIAMAN = "3febea1a-58b7-435a-a661-7af268f7cade";
    public static final String TEAM_2023 = "7eda738d-83ae-40f9-be4e-b46a3b53ab68";
    public static final String TEAM_TO_DELETE = "d92c8e8e-e95a-4f81-8326-3d7d9e3a642e";
    public static final String MEMBER_KETUA = "4800fda7-2135-48da-85ef-ff461a63539a";
    public static final String MEMBER_SEKRETARIS = "7680e232-0850-4b8c-91ca-f648e700cca7";
    public static final String MEMBER = "c3d2e1f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    public static final String MEMBER_TO_DELETE = "d2d1249f-31a7-472f-a07b-102ba87d1f31";

    // incidents, their activities and tasks
    public static final String INCIDENT = "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f";
    public static final String INCIDENT_IN_PENCEGAHAN = "f60c8fec-0bd9-439b-af04-eb4060af59f3";
    public static final String INCIDENT_TO_DELETE = "af6fb008-dba1-4d28-b730-74f7b82080cd";
    public static final String INCIDENT_TO_VERIFY = "0e8d4a7c-5b21-4f63-9c1e-7a3b2d6f4e90";
    /** The clash of INCIDENT reported a second time, by the media, in other words: its likely duplicate. */
    public static final String INCIDENT_REPORTED_TWICE = "3e9a7c51-6d2b-4f08-a1c4-8b5e2f7d9a36";

    public static final String ACTIVITY = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910";
    public static final String TASK = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    // early warnings and conflict statuses
    public static final String WARNING = "4d3c2b1a-0f9e-4d8c-b7a6-958473625140";
    public static final String WARNING_TO_ESCALATE = "5b451028-23ca-4fd2-a85c-2ff7785f1613";
    public static final String WARNING_TO_VERIFY = "7c2e9f14-3a6d-4b85-8e07-1d9c4b5a2f63";
    /** A PUBLIC warning never published (a draft), which DELETE erases. */
    public static final String WARNING_TO_DELETE = "3e8d1c6a-94b2-4f57-8a0e-6c1b5d9f2a47";

    public static final String WARNING_TASK = "2f8e4a6c-1b3d-4e5f-a7c9-0b2d4f6a8c1e";
    public static final String STATUS = "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b";
    public static final String STATUS_TO_REVOKE = "75126335-2b88-47a7-a8b7-9e562137e1da";
    public static final String TNI = "8a6c4e2b-0f1d-4b3a-9c5e-7f9a1b3c5d7e";
    public static final String TNI_TO_END = "c3e1a9b7-5d2f-4e8a-b6c4-0f2e4a6c8e1b";

    // action plans
    public static final String PLAN = "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a";
    public static final String PLAN_TO_DELETE = "2488dfc1-b4ee-40ca-a89c-adbd0b1895c1";
    public static final String ITEM = "747a637f-ba07-4307-9a69-b73b11938235";
    public static final String ITEM_WITHOUT_REPORTS = "472107f5-7570-469b-bbcd-d8f5dec899e5";
    public static final String ITEM_TO_DELETE = "adbc7222-4ca6-4e4f-92b4-4eec4b9ad955";
    public static final String REPORT = "4151878b-cf34-46e8-8cb6-f6ac826621f2";
    public static final String REPORT_TO_DELETE = "7fecf9a3-e3f8-44a3-97f1-190a1bd1a4c1";

    // meetings
    public static final String MEETING = "1f3a5c7e-9b1d-4f3a-8c5e-7a9b1c3d5e7f";
    public static final String MEETING_TO_DELETE = "07998e74-ef80-4925-adae-6537e438f099";
    public static final String DECISION = "b16256a2-bf69-4cc4-8fa0-56fa5ed11e24";
    public static final String DECISION_TO_DELETE = "5d0c8e3a-7b1f-4a92-b6e4-3c9f1d7a2e58";
    /** A decision marked DONE (by mistake), which POST …/follow-ups/reopening opens again. */
    public static final String DECISION_DONE = "c3e1a7f5-8d24-4b69-9a0e-6f2b8d4c1e73";

    // neutrality cases
    public static final String CASE = "4e6a8c0e-2b4d-4f6a-9c8e-0a2b4c6d8e0f";
    public static final String PERSON = "6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b";
    public static final String CASE_TO_CORRECT = "9b7d5f3a-1c8e-4a6b-b2d4-6f8a0c2e4b6d";
    public static final String PERSON_TO_CORRECT = "e2c4a6b8-0d9f-4e1a-8c3b-5d7f9a1b3c5e";
    /** A case with a person entered twice, the second of whom DELETE …/persons/{personId} removes. */
    public static final String CASE_WITH_MISTAKE = "0119248d-8f6b-4606-827c-4ea668fce4cd";

    public static final String PERSON_KEPT = "5625b29b-54b4-49b2-99d0-f4dece459481";
    public static final String PERSON_BY_MISTAKE = "5c282a30-ae1e-4190-ad2c-b7974f32125f";
    /** A case recorded by mistake, where nothing was decided, which DELETE erases. */
    public static final String CASE_TO_DELETE = "00a3fb3a-e39c-4893-8c3d-1590f1189bd5";

    public static final String PERSON_OF_CASE_TO_DELETE = "0e7330d5-4be9-4f50-abf2-945d314afc59";

    // attachments: a photo of the incident, one to delete, and uploads under way (one to go on with, one to abandon)
    public static final String ATTACHMENT = "0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f";
    public static final String ATTACHMENT_TO_DELETE = "3c8b1e0a-6d2f-4a7c-9b5e-8f1d2c3b4a5e";
    public static final String UPLOAD = "9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d";
    public static final String UPLOAD_TO_ABANDON = "6e4c2a0b-8d9f-4b7a-a5c3-1e0f9d8c7b6a";

    // community reports: one in the queue (its tracking code in the examples) and one to triage
    public static final String INTAKE = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    public static final String INTAKE_CODE = "K7QM4XPDR2";
    public static final String INTAKE_TO_TRIAGE = "8f3a2d61-4b7c-4e9a-9d2f-6c5b4a3e2d1f";
    public static final String INTAKE_TO_TRIAGE_CODE = "M3ZD8WQK5T";
    /** The upload key of the report in the queue: development only, as every demo record. */
    public static final String INTAKE_KEY = "DEVELOPMENT-ONLY-demo-report-key";
    /** Photos of that report still uploading: one to go on with, one to abandon. */
    public static final String INTAKE_UPLOAD = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

    public static final String INTAKE_UPLOAD_TO_ABANDON = "7e6d5c4b-3a2f-4e1d-9c8b-0a9f8e7d6c5b";

    // integration
    public static final String API_KEY = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    // accounts (of the development issuer)
    public static final String ACCOUNT = "5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
    public static final String ACCOUNT_TO_DEACTIVATE = "6f2a3b4c-5d6e-4f70-9b8c-0d1e2f3a4b5c";
    /** The account of the development token example coordinator-sumbar: the same rights, and an inbox. */
    public static final String ACCOUNT_SECRETARIAT = "8a4c2e6f-1b3d-4f5a-9c7e-2d4f6a8b0c1e";

    public static final String WEBHOOK = "7d3f9a2c-5b1e-4c8d-9e0f-1a2b3c4d5e6f";
    public static final String WEBHOOK_DISABLED = "36271e74-8761-46da-8f11-36a66bc51c50";
    public static final String WEBHOOK_TO_DELETE = "723111a1-991b-4ec0-8519-957ebce83e2e";
    public static final String DELIVERY = "076b38eb-dd2a-46e6-a2e1-997e5bd4e0eb";

    /** Where the demo webhooks point: the discard port of this machine, where nothing answers. */
    public static final String WEBHOOK_URL = "http://localhost:9/terpadu-demo";
}

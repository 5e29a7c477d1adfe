package id.terpadu.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

import id.terpadu.actionplan.ActionPlanResourceTest;
import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.conflictstatus.ConflictStatusResourceTest;
import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.meeting.MeetingResourceTest;
import id.terpadu.neutrality.NeutralityCaseResourceTest;
import id.terpadu.webhook.WebhookResourceTest;

/**
 * One record of every kind the API keeps, built through the API in one kabupaten, so that a test can point every
 * {@code {id}} route at a real record. The bodies are the ones the feature tests use.
 */
public final class Fixtures {

    /** The ids, by the name of the path parameter and the collection they belong to ({@code incidents/{id}}). */
    public record World(String region, UUID secretariat, Map<String, String> ids) {

        /** The path with every parameter replaced by this world's record of that kind. */
        public String concrete(String template) {
            String path = template;
            for (Map.Entry<String, String> e : ids.entrySet()) {
                path = path.replace(e.getKey(), e.getValue());
            }
            return path.replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
        }

        /**
         * Removes the world's webhook subscription: its target never answers, and its retries would change the
         * delivery tables under the tests that run next.
         */
        public void dropWebhook() {
            Db.execute("delete from webhook_subscription where id = '"
                    + ids.get("/webhooks/{id}").substring("/webhooks/".length()) + "'");
        }
    }

    private Fixtures() {}

    /** The world of {@code 19.04} (Kabupaten Belitung), team year last year; an earlier status and plan there removed. */
    public static World belitung() {
        TestData.ensureRegions();
        String region = "19.04";
        int year = ActionPlanResourceTest.LAST_YEAR;
        UUID kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Belitung"), "KESBANGPOL", region);
        UUID polres = TestData.createAgency(TestData.unique("Polres Belitung"), "POLRI", region);
        UUID team = TestData.team("KABUPATEN_KOTA", region, year, kesbangpol);
        RequestSpecification secretariat =
                Tokens.as("kesbangpol." + region, List.of("COORDINATOR"), List.of(region), kesbangpol);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/agencies/{id}", "/agencies/" + polres);
        ids.put("/teams/{id}", "/teams/" + team);
        ids.put("/teams/{teamId}", "/teams/" + team);
        ids.put(
                "{memberId}",
                post(
                        Tokens.admin(),
                        Map.of("agencyId", polres.toString(), "personName", "Kapolres Belitung", "role", "ANGGOTA"),
                        "/api/v1/teams/" + team + "/members"));

        String incident = post(
                secretariat,
                IncidentResourceTest.incident(TestData.unique("Sengketa tambang timah"), region),
                "/api/v1/incidents");
        ids.put("/incidents/{id}", "/incidents/" + incident);
        ids.put(
                "{activityId}",
                post(
                        secretariat,
                        IncidentResourceTest.activity("PATROLI", polres),
                        "/api/v1/incidents/" + incident + "/activities"));
        ids.put(
                "{taskId}",
                post(
                        secretariat,
                        Map.of(
                                "agencyId",
                                polres.toString(),
                                "description",
                                "Patroli gabungan",
                                "dueAt",
                                Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                        "/api/v1/incidents/" + incident + "/tasks"));
        String token = Tokens.token("kesbangpol." + region, List.of("COORDINATOR"), List.of(region), kesbangpol);
        ids.put(
                "/attachments/{id}",
                "/attachments/"
                        + io.restassured.RestAssured.given()
                                .auth()
                                .oauth2(token)
                                .multiPart("file", "tambang.png", photo(), "image/png")
                                .multiPart("parentType", "incident")
                                .multiPart("parentId", incident)
                                .multiPart("kind", "FOTO")
                                .multiPart("title", "Lokasi tambang")
                                .post("/api/v1/attachments")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
        ids.put(
                "/uploads/{id}",
                io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 100)
                        .header(
                                "Upload-Metadata",
                                "parentType "
                                        + java.util.Base64.getEncoder().encodeToString("incident".getBytes())
                                        + ",parentId "
                                        + java.util.Base64.getEncoder().encodeToString(incident.getBytes()) + ",kind "
                                        + java.util.Base64.getEncoder().encodeToString("FOTO".getBytes()) + ",title "
                                        + java.util.Base64.getEncoder().encodeToString("Lokasi".getBytes()))
                        .post("/api/v1/uploads")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location")
                        .replaceAll("^.*(/uploads/)", "$1"));
        String warning = post(secretariat, EarlyWarningResourceTest.warning(region, 3, 2), "/api/v1/early-warnings");
        String warningTask = post(
                secretariat,
                Map.of(
                        "agencyId",
                        polres.toString(),
                        "description",
                        "Patroli dialogis",
                        "dueAt",
                        Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                "/api/v1/early-warnings/" + warning + "/tasks");
        ids.put("/early-warnings/{id}", "/early-warnings/" + warning);

        Db.execute("delete from conflict_status where region_code = '" + region + "'");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        String status = post(
                secretariat,
                ConflictStatusResourceTest.status("KABUPATEN_KOTA", region, today, today.plusDays(30)),
                "/api/v1/conflict-statuses");
        ids.put("/conflict-statuses/{id}", "/conflict-statuses/" + status);
        ids.put(
                "{assistanceId}",
                post(
                        secretariat,
                        id.terpadu.conflictstatus.ConflictStatusCorrectionTest.tni(today, today.plusDays(14)),
                        "/api/v1/conflict-statuses/" + status + "/tni-assistance"));

        Db.execute("delete from action_plan where team_id = '" + team + "' and year = " + year);
        String plan = post(secretariat, ActionPlanResourceTest.plan(team, year), "/api/v1/action-plans");
        ids.put("/action-plans/{id}", "/action-plans/" + plan);
        String item = post(
                secretariat,
                ActionPlanResourceTest.item("PENCEGAHAN", 4, polres, year),
                "/api/v1/action-plans/" + plan + "/items");
        ids.put("{itemId}", item);
        ids.put(
                "{reportId}",
                post(
                        secretariat,
                        ActionPlanResourceTest.report("B04", 1),
                        "/api/v1/action-plans/" + plan + "/items/" + item + "/reports"));

        String meeting = post(
                secretariat,
                MeetingResourceTest.meeting(
                        team,
                        "Rakor kerawanan tambang",
                        "2024-10-01T02:00:00Z",
                        List.of(MeetingResourceTest.attendee(polres, "Polres Belitung", "Kapolres", "HADIR", null))),
                "/api/v1/meetings");
        ids.put("/meetings/{id}", "/meetings/" + meeting);
        ids.put(
                "{decisionId}",
                post(
                        secretariat,
                        Map.of(
                                "description",
                                "Patroli di lokasi tambang",
                                "ownerAgencyId",
                                polres.toString(),
                                "dueOn",
                                today.plusDays(7).toString()),
                        "/api/v1/meetings/" + meeting + "/decisions"));

        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kabupaten Belitung"), "BAWASLU", region);
        String neutralityCase = post(
                secretariat,
                NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        2024,
                        region,
                        "2024-10-21",
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Aparatur Belitung", 1)),
                "/api/v1/neutrality-cases");
        ids.put("/neutrality-cases/{id}", "/neutrality-cases/" + neutralityCase);
        ids.put(
                "{personId}",
                Tokens.admin()
                        .get("/api/v1/neutrality-cases/" + neutralityCase)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("persons[0].id"));
        ids.put(
                "/intake/{id}",
                "/intake/"
                        + id.terpadu.intake.IntakeTest.queued(Map.of(
                                "description",
                                "Warga Belitung melaporkan ketegangan antarkampung",
                                "regionCode",
                                region,
                                "occurredAt",
                                "2024-10-20T02:00:00Z")));
        ids.put(
                "/api-keys/{id}",
                "/api-keys/"
                        + Tokens.coordinator("19")
                                .body(ApiKeyResourceTest.key(
                                        kesbangpol, List.of(region), List.of("read"), "RESTRICTED"))
                                .post("/api/v1/api-keys")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("apiKey.id"));
        ids.put(
                "/accounts/{id}",
                "/accounts/"
                        + post(
                                Tokens.coordinator("19"),
                                id.terpadu.account.AccountResourceTest.account(
                                        id.terpadu.account.AccountResourceTest.DEV_ISSUER,
                                        "belitung." + UUID.randomUUID(),
                                        polres,
                                        List.of("OFFICER"),
                                        List.of(region)),
                                "/api/v1/accounts"));
        ids.put(
                "/webhooks/{id}",
                "/webhooks/"
                        + post(
                                secretariat,
                                WebhookResourceTest.subscription(
                                        "http://127.0.0.1:9/hook", List.of("incident"), region, null),
                                "/api/v1/webhooks"));
        // a warning's task before the incident's: the more particular path is replaced first
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("/early-warnings/{id}/tasks/{taskId}", "/early-warnings/" + warning + "/tasks/" + warningTask);
        ordered.putAll(ids);
        return new World(region, kesbangpol, ordered);
    }

    /** A small PNG with a picture of its own (a different file each time). */
    public static byte[] photo() {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) System.nanoTime());
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String post(RequestSpecification as, Map<String, Object> body, String path) {
        return as.body(body).post(path).then().statusCode(201).extract().path("id");
    }
}

package id.terpadu.dev;

import static id.terpadu.dev.DemoIds.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.security.DevTokenDtos.DevTokenRequest;
import id.terpadu.common.security.DevTokens;
import id.terpadu.common.security.Role;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.intake.IntakeDtos.PublicReportInput;
import id.terpadu.intake.IntakeService;
import id.terpadu.webhook.WebhookService;

/**
 * The development demo data set: the agencies, teams and records that the OpenAPI examples name, with the ids of
 * {@link DemoIds}, so that every example succeeds on a fresh development database. Each record is created through
 * the API itself (by a national development token), so it passes every rule and lands in the change log like any
 * other (a state that only a move gives, such as a decision followed up to DONE, by that move right after its
 * creation); a record that is already there is left alone, so loading twice changes nothing. Only two states that no
 * request can produce are set directly: a webhook subscription disabled after failing (by the service's own
 * method) and a failed delivery to redeliver.
 * <p>
 * Exists only with development tokens on (dev mode and tests), like the token endpoint, and while
 * {@code terpadu.demo-data.enabled}: the tests switch it off except for the walk through the examples, so that the
 * other tests' data stays their own.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String API = "/api/v1";

    /** One record of the set: created by a POST of {@code body} to {@code collection}, found again at {@code path}. */
    record Step(
            String type,
            String id,
            String collection,
            String body,
            String readAt,
            Map<String, String> headers,
            byte[] bytes,
            String then,
            String thenBody) {
        Step(String type, String id, String collection, String body) {
            this(type, id, collection, body, collection, Map.of(), null, null, null);
        }

        /** The same step, for a record read at another collection than the one it is created in. */
        Step at(String collection) {
            return new Step(type, id, this.collection, body, collection, headers, bytes, then, thenBody);
        }

        /**
         * The same step, whose record, once created, is moved by a POST of {@code body} to {@code path} below it (a
         * state no creation gives, such as a decision followed up to DONE); a record already there is left alone.
         */
        Step then(String path, String body) {
            return new Step(type, id, collection, this.body, readAt, headers, bytes, path, body);
        }

        /**
         * An attachment sent over tus ({@code POST /uploads}) with its fields as tus metadata: all of {@code bytes}
         * in the creation (an available attachment), or none of {@code length} (an upload under way).
         */
        static Step upload(String id, String title, String kind, String incident, long length, byte[] bytes) {
            Base64.Encoder b64 = Base64.getEncoder();
            String metadata = Map.of(
                            "id", id, "parentType", "incident", "parentId", incident, "kind", kind, "title", title)
                    .entrySet()
                    .stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + b64.encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                    .collect(Collectors.joining(","));
            return new Step(
                    "attachment",
                    id,
                    "/uploads",
                    null,
                    "/attachments",
                    Map.of(
                            "Tus-Resumable",
                            "1.0.0",
                            "Upload-Length",
                            Long.toString(length),
                            "Upload-Metadata",
                            metadata),
                    bytes,
                    null,
                    null);
        }

        String path() {
            return readAt + "/" + id;
        }
    }

    private final DevTokens tokens;
    private final HttpServer server;
    private final EntityManager em;
    private final WebhookService webhooks;
    private final IntakeService intake;
    private final id.terpadu.attachment.PublicPhotos photos;
    /** Made on first use: the bean also exists in production, where it must not hold a client's thread. */
    private HttpClient http;

    private final boolean enabled;
    private final boolean atStart;

    DemoData(
            DevTokens tokens,
            HttpServer server,
            EntityManager em,
            WebhookService webhooks,
            IntakeService intake,
            id.terpadu.attachment.PublicPhotos photos,
            DemoDataConfig config) {
        this.intake = intake;
        this.photos = photos;
        this.enabled = config.enabled();
        this.atStart = config.atStart();
        this.tokens = tokens;
        this.server = server;
        this.em = em;
        this.webhooks = webhooks;
    }

    /**
     * With {@code terpadu.demo-data.at-start} (development mode), loads the set when the database holds no agency yet
     * (a new database), in the background once the HTTP server answers, so that the start is not delayed.
     */
    void onStart(@Observes StartupEvent event) {
        if (!atStart || !enabled()) {
            return;
        }
        Thread loader = new Thread(
                () -> {
                    try {
                        if (isNewDatabase()) {
                            awaitServer();
                            load();
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Demo data: not loaded; POST /api/v1/dev/demo-data tries again", e);
                    }
                },
                "demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    private void awaitServer() {
        for (int i = 0; i < 600; i++) {
            try {
                if (server.getPort() > 0) {
                    http().send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + server.getPort() + "/q/health/live"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Only with development tokens on, and not switched off (the tests switch it off but for the example walk). */
    public boolean enabled() {
        return enabled && tokens.enabled();
    }

    @Transactional
    boolean isNewDatabase() {
        return !(Boolean)
                em.createNativeQuery("select exists (select 1 from agency)").getSingleResult();
    }

    /** Creates what is missing of the set; answers what it holds. One load at a time. */
    public synchronized DemoDtos.DemoDataResponse load() {
        if (!enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, Message.of("http.not-found"));
        }
        String token = tokens.mint(new DevTokenRequest(
                        "demo-data", "Data demo pengembangan", null, List.of(Role.ADMIN), List.of(), 30))
                .accessToken();
        List<DemoDtos.DemoRecord> records = new ArrayList<>();
        int created = 0;
        for (Step step : steps(LocalDate.now(ConflictStatusService.ZONE))) {
            boolean present = send(token, "GET", step.path(), null).statusCode() == 200;
            if (!present) {
                HttpResponse<String> answer =
                        step.bytes() != null || !step.headers().isEmpty()
                                ? send(token, step.collection(), step.headers(), step.bytes())
                                : send(token, "POST", step.collection(), step.body());
                if (answer.statusCode() != 201) {
                    // the reason (a rule or a setting, such as private webhook targets) is in the log, with the answer
                    throw new ProblemException(
                            ProblemType.CONFLICT,
                            Message.of(
                                    "demo.incomplete",
                                    "path",
                                    "/api/v1" + step.collection(),
                                    "type",
                                    step.type(),
                                    "id",
                                    step.id(),
                                    "status",
                                    answer.statusCode()));
                }
                created++;
                if (step.then() != null) {
                    String then = step.path() + step.then();
                    HttpResponse<String> moved = send(token, "POST", then, step.thenBody());
                    if (moved.statusCode() != 200) {
                        throw new ProblemException(
                                ProblemType.CONFLICT,
                                Message.of(
                                        "demo.incomplete",
                                        "path",
                                        "/api/v1" + then,
                                        "type",
                                        step.type(),
                                        "id",
                                        step.id(),
                                        "status",
                                        moved.statusCode()));
                    }
                }
            }
            records.add(new DemoDtos.DemoRecord(step.type(), UUID.fromString(step.id()), step.path(), !present));
        }
        int states = webhookStates();
        int direct = communityReports() + reportPhotos();
        // the answer's count and the log's are one: records created now, the ones written directly included
        LOG.infof(
                "Demo data: %d created now (%d of the %d records made through the API, %d community reports and "
                        + "photos written directly)%s",
                created + direct + states,
                created,
                records.size(),
                direct,
                states == 0 ? "" : ", and the failed webhook's states set");
        created += direct + states;
        return new DemoDtos.DemoDataResponse(created, records);
    }

    /**
     * The community reports, with the tracking codes the examples name: a report from the public needs a solved
     * challenge, which no step can send, so they are queued directly (as the public endpoint does after its checks).
     */
    @Transactional
    @ActivateRequestContext
    int communityReports() {
        int created = 0;
        for (String[] report : new String[][] {{INTAKE, INTAKE_CODE}, {INTAKE_TO_TRIAGE, INTAKE_TO_TRIAGE_CODE}}) {
            boolean present = (Boolean)
                    em.createNativeQuery("select exists (select 1 from intake_report where id = cast(:id as uuid))")
                            .setParameter("id", report[0])
                            .getSingleResult();
            if (!present) {
                boolean queued = report[0].equals(INTAKE);
                intake.receive(
                        UUID.fromString(report[0]),
                        report[1],
                        new PublicReportInput(
                                "Dua kelompok pemuda saling lempar batu di simpang Kampung Baru setelah pertandingan "
                                        + "sepak bola antarkampung; beberapa orang luka.",
                                "13.77",
                                null,
                                "Simpang Kampung Baru, Pariaman Utara",
                                java.time.Instant.parse("2024-10-12T09:30:00Z"),
                                "SENGKETA_LAHAN",
                                "Rina",
                                "0812 3456 7890",
                                null,
                                null),
                        queued ? INTAKE_KEY : null,
                        queued ? java.time.Instant.now().plus(java.time.Duration.ofDays(365)) : null);
                created++;
            }
        }
        return created;
    }

    /**
     * The reporter's photos under way on the report in the queue, which the public upload examples go on with and
     * abandon: each admitted in a transaction of its own, after the report's.
     */
    @ActivateRequestContext
    int reportPhotos() {
        int created = 0;
        for (String upload : new String[] {INTAKE_UPLOAD, INTAKE_UPLOAD_TO_ABANDON}) {
            boolean present = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> (Boolean) em.createNativeQuery(
                                    "select exists (select 1 from attachment where id = cast(:id as uuid))")
                            .setParameter("id", upload)
                            .getSingleResult());
            if (!present) {
                photos.create(
                        UUID.fromString(upload),
                        INTAKE_CODE,
                        INTAKE_KEY,
                        java.util.Map.of("filename", "IMG_20241012_0931.jpg"),
                        null,
                        48_213);
                created++;
            }
        }
        return created;
    }

    /** The subscription disabled after failing, and a failed delivery to redeliver: no request makes these. */
    @Transactional
    int webhookStates() {
        int created = 0;
        String disabled =
                (String) em.createNativeQuery("select status from webhook_subscription where id = cast(:id as uuid)")
                        .setParameter("id", WEBHOOK_DISABLED)
                        .getSingleResult();
        if (!"DISABLED".equals(disabled)) {
            webhooks.disableAfterFailure(
                    UUID.fromString(WEBHOOK_DISABLED), UUID.fromString(DELIVERY), "Connection refused: localhost:9");
            created++;
        }
        created += em.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, change_position, event_type, entity_id, operation,
                                              entity_version, status, attempts, last_error, finished_at)
                select cast(:delivery as uuid), cast(:subscription as uuid), c.position, c.entity_type, c.entity_id,
                       c.operation, c.version, 'FAILED', 1, 'Connection refused: localhost:9', now()
                  from change_log c
                 where c.entity_id = cast(:status as uuid) and c.operation = 'CREATE'
                   and not exists (select 1 from webhook_delivery d where d.id = cast(:delivery as uuid))
                """)
                .setParameter("delivery", DELIVERY)
                .setParameter("subscription", WEBHOOK)
                .setParameter("status", STATUS)
                .executeUpdate();
        return created;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return http;
    }

    /** A POST of bytes with the given headers (a tus creation, with its first piece when there are bytes). */
    private HttpResponse<String> send(String token, String path, Map<String, String> headers, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.getPort() + API + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        if (bytes == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/offset+octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        try {
            HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                LOG.warnf("Demo data: POST %s answered %d: %s", path, response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Demo data: POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data: interrupted", e);
        }
    }

    /** A picture made here (no file ships with the service): a sky over a field, different for each seed. */
    static byte[] picture(int seed) {
        var image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(120, 170, 220));
        g.fillRect(0, 0, 320, 140);
        g.setColor(new java.awt.Color(90, 140 + seed % 60, 60));
        g.fillRect(0, 140, 320, 100);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> send(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.getPort() + API + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400 && response.statusCode() != 404) {
                LOG.warnf("Demo data: %s %s answered %d: %s", method, path, response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Demo data: " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data: interrupted", e);
        }
    }

    /** The set, in the order its references need. The conflict status in force runs from a week before today. */
    static List<Step> steps(LocalDate today) {
        List<Step> steps = new ArrayList<>();
        String agencies = "/agencies";
        steps.add(new Step("agency", KESBANGPOL_SUMBAR, agencies, """
                {"id": "%s", "name": "Badan Kesatuan Bangsa dan Politik Provinsi Sumatera Barat", "type": "KESBANGPOL",
                 "regionCode": "13", "contact": {"phone": "+62 751 31651", "address": "Jl. Jend. Sudirman No. 51, Padang"}}""".formatted(KESBANGPOL_SUMBAR)));
        steps.add(new Step("agency", POLDA_SUMBAR, agencies, """
                {"id": "%s", "name": "Polda Sumatera Barat", "type": "POLRI", "regionCode": "13"}""".formatted(POLDA_SUMBAR)));
        steps.add(new Step("agency", POLRES_PARIAMAN, agencies, """
                {"id": "%s", "name": "Polres Pariaman", "type": "POLRI", "parentId": "%s", "regionCode": "13.77"}""".formatted(POLRES_PARIAMAN, POLDA_SUMBAR)));
        steps.add(new Step("agency", KESBANGPOL_PARIAMAN, agencies, """
                {"id": "%s", "name": "Badan Kesatuan Bangsa dan Politik Kota Pariaman", "type": "KESBANGPOL",
                 "regionCode": "13.77"}""".formatted(KESBANGPOL_PARIAMAN)));
        steps.add(new Step("agency", KESBANGPOL_PADANG_PARIAMAN, agencies, """
                {"id": "%s", "name": "Badan Kesatuan Bangsa dan Politik Kabupaten Padang Pariaman", "type": "KESBANGPOL",
                 "regionCode": "13.05"}""".formatted(KESBANGPOL_PADANG_PARIAMAN)));
        steps.add(new Step("agency", BAWASLU_PARIAMAN, agencies, """
                {"id": "%s", "name": "Bawaslu Kota Pariaman", "type": "BAWASLU", "regionCode": "13.77"}""".formatted(BAWASLU_PARIAMAN)));
        steps.add(new Step("agency", AGENCY_TO_DELETE, agencies, """
                {"id": "%s", "name": "Posko Terpadu Pilkada Kota Pariaman (dibubarkan)", "type": "OTHER", "regionCode": "13.77"}""".formatted(AGENCY_TO_DELETE)));

        String teams = "/teams";
        steps.add(new Step("team", TEAM, teams, """
                {"id": "%s", "level": "PROVINSI", "regionCode": "13", "year": 2024,
                 "decreeNumber": "Keputusan Gubernur Sumatera Barat No. 300.2-45-2024", "decreeDate": "2024-01-22",
                 "secretariatAgencyId": "%s"}""".formatted(TEAM, KESBANGPOL_SUMBAR)));
        steps.add(new Step("team", TEAM_PARIAMAN, teams, """
                {"id": "%s", "level": "KABUPATEN_KOTA", "regionCode": "13.77", "year": 2024,
                 "decreeNumber": "Keputusan Wali Kota Pariaman No. 300/12/2024", "decreeDate": "2024-02-05",
                 "secretariatAgencyId": "%s"}""".formatted(TEAM_PARIAMAN, KESBANGPOL_PARIAMAN)));
        steps.add(new Step("team", TEAM_2023, teams, """
                {"id": "%s", "level": "PROVINSI", "regionCode": "13", "year": 2023,
                 "decreeNumber": "Keputusan Gubernur Sumatera Barat No. 300-38-2023", "decreeDate": "2023-01-30",
                 "secretariatAgencyId": "%s"}""".formatted(TEAM_2023, KESBANGPOL_SUMBAR)));
        steps.add(new Step("team", TEAM_TO_DELETE, teams, """
                {"id": "%s", "level": "PROVINSI", "regionCode": "13", "year": 2022}""".formatted(TEAM_TO_DELETE)));
        String members = teams + "/" + TEAM + "/members";
        steps.add(new Step("team-member", MEMBER_KETUA, members, """
                {"id": "%s", "agencyId": "%s", "personName": "Gubernur Sumatera Barat", "position": "Gubernur",
                 "role": "KETUA"}""".formatted(MEMBER_KETUA, KESBANGPOL_SUMBAR)));
        steps.add(new Step(
                "team-member", MEMBER_SEKRETARIS, members, """
                {"id": "%s", "agencyId": "%s", "personName": "Kepala Badan Kesbangpol Provinsi Sumatera Barat",
                 "position": "Kepala Badan", "role": "SEKRETARIS", "subTeam": "PENCEGAHAN"}""".formatted(MEMBER_SEKRETARIS, KESBANGPOL_SUMBAR)));
        steps.add(new Step("team-member", MEMBER, members, """
                {"id": "%s", "agencyId": "%s", "personName": "Dirintelkam Polda Sumatera Barat",
                 "position": "Direktur Intelijen dan Keamanan", "role": "ANGGOTA", "subTeam": "PENGHENTIAN"}""".formatted(MEMBER, POLDA_SUMBAR)));
        steps.add(new Step("team-member", MEMBER_TO_DELETE, members, """
                {"id": "%s", "agencyId": "%s", "personName": "Kapolres Pariaman", "position": "Kepala Kepolisian Resor",
                 "role": "ANGGOTA", "subTeam": "PENGHENTIAN"}""".formatted(MEMBER_TO_DELETE, POLRES_PARIAMAN)));

        String incidents = "/incidents";
        steps.add(new Step("incident", INCIDENT, incidents, """
                {"id": "%s", "title": "Bentrokan antarwarga terkait sengketa lahan sawit",
                 "description": "Dua kelompok warga bentrok di perbatasan desa; tiga orang luka.",
                 "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77", "point": {"lat": -0.6263, "lon": 100.1205},
                 "locationText": "Simpang Kampung Baru, Pariaman Utara", "occurredFrom": "2024-10-12T09:30:00Z",
                 "sourceKind": "LAPORAN_INSTANSI", "sourceReference": "Laporan Polres Pariaman", "severity": 3,
                 "classification": "RESTRICTED", "leadAgencyId": "%s", "stage": "PENGHENTIAN",
                 "impact": {"killed": 0, "injured": 3, "buildingsDamaged": 2}}""".formatted(INCIDENT, POLRES_PARIAMAN)));
        steps.add(new Step("incident", INCIDENT_IN_PENCEGAHAN, incidents, """
                {"id": "%s", "title": "Saling klaim batas ulayat nagari", "categoryCode": "SENGKETA_LAHAN",
                 "regionCode": "13.77", "occurredFrom": "2024-10-20T03:00:00Z", "sourceKind": "PATROLI", "severity": 2,
                 "classification": "RESTRICTED", "stage": "PENCEGAHAN"}""".formatted(INCIDENT_IN_PENCEGAHAN)));
        steps.add(new Step("incident", INCIDENT_TO_DELETE, incidents, """
                {"id": "%s", "title": "Laporan ganda: bentrokan di Pariaman Utara", "categoryCode": "SENGKETA_LAHAN",
                 "regionCode": "13.77", "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "MEDIA", "severity": 1,
                 "classification": "RESTRICTED"}""".formatted(INCIDENT_TO_DELETE)));
        steps.add(new Step("incident", INCIDENT_TO_VERIFY, incidents, """
                {"id": "%s", "title": "Warga melaporkan perusakan pondok kebun di perbatasan desa",
                 "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77", "occurredFrom": "2024-10-21T02:00:00Z",
                 "sourceKind": "LAPORAN_MASYARAKAT", "severity": 2, "classification": "RESTRICTED"}""".formatted(INCIDENT_TO_VERIFY)));
        steps.add(new Step("incident", INCIDENT_REPORTED_TWICE, incidents, """
                {"id": "%s", "title": "Bentrok warga soal lahan sawit di perbatasan desa, tiga luka",
                 "description": "Kedua kelompok warga bentrok di batas desa karena sengketa lahan sawit; 3 orang luka.",
                 "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77", "occurredFrom": "2024-10-12T11:00:00Z",
                 "sourceKind": "MEDIA", "sourceReference": "Berita daring lokal", "severity": 3,
                 "classification": "RESTRICTED", "stage": "PENGHENTIAN"}""".formatted(INCIDENT_REPORTED_TWICE)));
        steps.add(new Step("activity", ACTIVITY, incidents + "/" + INCIDENT + "/activities", """
                {"id": "%s", "activityType": "PENGHENTIAN_KEKERASAN_FISIK", "agencyId": "%s",
                 "occurredAt": "2024-10-12T10:15:00Z", "description": "Polres Pariaman memisahkan kedua kelompok",
                 "outcome": "Bentrokan berhenti"}""".formatted(
                        ACTIVITY, POLRES_PARIAMAN)));
        steps.add(new Step("task", TASK, incidents + "/" + INCIDENT + "/tasks", """
                {"id": "%s", "agencyId": "%s", "description": "Jaga perbatasan kedua desa selama tiga hari",
                 "dueAt": "%sT06:00:00Z"}""".formatted(
                        TASK, POLRES_PARIAMAN, today.plusDays(7))));

        String warnings = "/early-warnings";
        steps.add(new Step("early-warning", WARNING, warnings, """
                {"id": "%s", "regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
                 "title": "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada",
                 "point": {"lat": -0.6264, "lon": 100.1179},
                 "likelihood": 4, "impact": 3, "sourceKind": "PATROLI", "classification": "RESTRICTED"}""".formatted(WARNING)));
        steps.add(new Step("early-warning", WARNING_TO_ESCALATE, warnings, """
                {"id": "%s", "regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
                 "title": "Pengerahan massa ke kantor KPU Kota Pariaman", "likelihood": 5, "impact": 4,
                 "sourceKind": "PATROLI", "classification": "RESTRICTED"}""".formatted(WARNING_TO_ESCALATE)));
        steps.add(new Step("early-warning", WARNING_TO_VERIFY, warnings, """
                {"id": "%s", "regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
                 "title": "Seruan warga di media sosial untuk menghadang rapat pleno KPU", "likelihood": 3,
                 "impact": 3, "sourceKind": "LAPORAN_MASYARAKAT", "classification": "PUBLIC",
                 "recommendedActions": "Konfirmasi ke pelapor; patroli di sekitar kantor KPU"}""".formatted(WARNING_TO_VERIFY)));
        steps.add(new Step("early-warning", WARNING_TO_DELETE, warnings, """
                {"id": "%s", "regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
                 "title": "Rancangan: isu politik uang di Kecamatan Pariaman Tengah", "likelihood": 2,
                 "impact": 2, "sourceKind": "LAPORAN_MASYARAKAT", "classification": "PUBLIC"}""".formatted(WARNING_TO_DELETE)));
        steps.add(new Step("task", WARNING_TASK, warnings + "/" + WARNING + "/tasks", """
                {"id": "%s", "agencyId": "%s", "description": "Patroli dialogis di posko kedua paslon sampai penetapan",
                 "dueAt": "%sT06:00:00Z"}""".formatted(
                        WARNING_TASK, POLRES_PARIAMAN, today.plusDays(7))));

        String statuses = "/conflict-statuses";
        LocalDate starts = today.minusDays(7);
        steps.add(new Step("conflict-status", STATUS, statuses, """
                {"id": "%s", "scale": "KABUPATEN_KOTA", "regionCode": "13.77", "declaredBy": "Wali Kota Pariaman",
                 "decreeNumber": "Keputusan Wali Kota Pariaman No. 300/41/%d", "consultationDate": "%s",
                 "startsOn": "%s", "endsOn": "%s"}""".formatted(
                        STATUS, starts.getYear(), starts.minusDays(1), starts, starts.plusDays(29))));
        String tni = """
                {"id": "%s", "requestedBy": "Wali Kota Pariaman", "reason": "%s", "units": ["Kodim 0308/Pariaman"],
                 "tasks": ["PENGHENTIAN_KEKERASAN", "PENYELAMATAN"], "startsOn": "%s", "endsOn": "%s"}""";
        String assistance = statuses + "/" + STATUS + "/tni-assistance";
        steps.add(new Step(
                "tni-assistance",
                TNI,
                assistance,
                tni.formatted(TNI, "Bentrokan meluas, Polres membutuhkan dukungan", today, today.plusDays(14))));
        steps.add(new Step(
                "tni-assistance",
                TNI_TO_END,
                assistance,
                tni.formatted(TNI_TO_END, "Pengamanan jalur pengungsian", today.minusDays(5), today.plusDays(10))));
        steps.add(new Step("conflict-status", STATUS_TO_REVOKE, statuses, """
                {"id": "%s", "scale": "KABUPATEN_KOTA", "regionCode": "13.05", "declaredBy": "Bupati Padang Pariaman",
                 "decreeNumber": "Keputusan Bupati Padang Pariaman No. 300/77/2024", "consultationDate": "2024-10-13",
                 "startsOn": "2024-10-14", "endsOn": "2024-12-31"}""".formatted(STATUS_TO_REVOKE)));

        String plans = "/action-plans";
        steps.add(new Step("action-plan", PLAN, plans, """
                {"id": "%s", "teamId": "%s", "year": 2024,
                 "title": "Rencana Aksi Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat 2024",
                 "decree": "Keputusan Gubernur Sumatera Barat No. 300.2-112-2024"}""".formatted(PLAN, TEAM)));
        steps.add(new Step("action-plan", PLAN_TO_DELETE, plans, """
                {"id": "%s", "teamId": "%s", "year": 2023,
                 "title": "Rencana Aksi Terpadu Provinsi Sumatera Barat 2023 (rancangan)"}""".formatted(PLAN_TO_DELETE, TEAM_2023)));
        String items = plans + "/" + PLAN + "/items";
        String item = """
                {"id": "%s", "stage": "%s", "activity": "%s", "indicator": "Jumlah kegiatan yang terlaksana",
                 "targetValue": 4, "targetUnit": "kali", "responsibleAgencyId": "%s", "budgetIdr": 50000000,
                 "startsOn": "2024-01-15", "endsOn": "2024-11-30"}""";
        steps.add(new Step(
                "action-plan-item",
                ITEM,
                items,
                item.formatted(
                        ITEM, "PENCEGAHAN", "Rapat koordinasi deteksi dini menjelang Pilkada", KESBANGPOL_SUMBAR)));
        steps.add(new Step(
                "action-plan-item",
                ITEM_WITHOUT_REPORTS,
                items,
                item.formatted(
                        ITEM_WITHOUT_REPORTS, "PENCEGAHAN", "Dialog tokoh adat dan tokoh agama", KESBANGPOL_SUMBAR)));
        steps.add(new Step(
                "action-plan-item",
                ITEM_TO_DELETE,
                items,
                item.formatted(
                        ITEM_TO_DELETE, "PEMULIHAN", "Sosialisasi rekonsiliasi (dibatalkan)", KESBANGPOL_SUMBAR)));
        String reports = items + "/" + ITEM + "/reports";
        steps.add(new Step("action-plan-report", REPORT, reports, """
                {"id": "%s", "period": "B04", "realisation": 1, "obstacles": "Jadwal rapat bergeser"}""".formatted(REPORT))
                .at(plans + "/" + PLAN + "/reports"));
        steps.add(new Step("action-plan-report", REPORT_TO_DELETE, reports, """
                {"id": "%s", "period": "B08", "realisation": 2}""".formatted(REPORT_TO_DELETE))
                .at(plans + "/" + PLAN + "/reports"));

        String meetings = "/meetings";
        String meeting = """
                {"id": "%s", "teamId": "%s", "kind": "RUTIN", "title": "%s", "startsAt": "%s", "endsAt": "%s",
                 "place": "Aula Kantor Kesbangpol Provinsi Sumatera Barat, Padang",
                 "chair": "Kepala Badan Kesbangpol Provinsi Sumatera Barat", "agenda": ["Kerawanan Pilkada 2024"],
                 "attendees": [{"agencyId": "%s", "organisation": "Badan Kesbangpol Provinsi Sumatera Barat",
                                "position": "Kepala Badan", "attendance": "HADIR"}]}""";
        steps.add(new Step(
                "meeting",
                MEETING,
                meetings,
                meeting.formatted(
                        MEETING,
                        TEAM,
                        "Rakor Tim Terpadu PKS Provinsi Sumatera Barat, Oktober 2024",
                        "2024-10-14T02:00:00Z",
                        "2024-10-14T05:00:00Z",
                        KESBANGPOL_SUMBAR)));
        steps.add(new Step(
                "meeting",
                MEETING_TO_DELETE,
                meetings,
                meeting.formatted(
                        MEETING_TO_DELETE,
                        TEAM,
                        "Rakor yang dibatalkan",
                        "2024-10-21T02:00:00Z",
                        "2024-10-21T04:00:00Z",
                        KESBANGPOL_SUMBAR)));
        steps.add(new Step("meeting-decision", DECISION, meetings + "/" + MEETING + "/decisions", """
                {"id": "%s", "description": "Polres Pariaman menambah patroli di perbatasan desa", "ownerAgencyId": "%s",
                 "dueOn": "2024-10-21"}""".formatted(
                        DECISION, POLRES_PARIAMAN)));
        steps.add(
                new Step("meeting-decision", DECISION_TO_DELETE, meetings + "/" + MEETING + "/decisions", """
                {"id": "%s", "description": "Keputusan yang tercatat dua kali", "ownerAgencyId": "%s",
                 "dueOn": "2024-10-21"}""".formatted(
                                DECISION_TO_DELETE, POLRES_PARIAMAN)));
        // marked DONE by mistake: the reopening's example opens it again
        steps.add(new Step("meeting-decision", DECISION_DONE, meetings + "/" + MEETING + "/decisions", """
                        {"id": "%s", "description": "Polres Pariaman mengamankan rapat pleno rekapitulasi suara",
                         "ownerAgencyId": "%s", "dueOn": "2024-10-28"}""".formatted(
                                DECISION_DONE, POLRES_PARIAMAN))
                .then("/follow-ups", "{\"status\": \"DONE\"}"));

        steps.add(
                new Step("neutrality-case", CASE, "/neutrality-cases", """
                {"id": "%s", "electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
                 "registerNumber": "009/Reg/TM/PB/Kota/03.07/X/2024", "receivedOn": "2024-10-07",
                 "summary": "Kepala sekolah mengunggah dukungan kepada salah satu pasangan calon",
                 "violationForms": ["MEDIA_SOSIAL"], "handlingAgencyId": "%s",
                 "persons": [{"id": "%s", "name": "Ahmad Fauzi", "employer": "Pemerintah Kota Pariaman",
                              "positionCategory": "FUNGSIONAL", "positionTitle": "Kepala Sekolah"}]}""".formatted(CASE, BAWASLU_PARIAMAN, PERSON)));
        steps.add(new Step("neutrality-case", CASE_TO_CORRECT, "/neutrality-cases", """
                {"id": "%s", "electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
                 "registerNumber": "011/Reg/TM/PB/Kota/03.07/X/2024", "receivedOn": "2024-10-09",
                 "summary": "Lurah menghadiri deklarasi dukungan salah satu pasangan calon",
                 "violationForms": ["MEDIA_SOSIAL"], "handlingAgencyId": "%s",
                 "persons": [{"id": "%s", "name": "Rahmad Hidayt", "employer": "Pemerintah Kota Pariaman",
                              "positionCategory": "PELAKSANA", "positionTitle": "Lurah"}]}""".formatted(
                        CASE_TO_CORRECT, BAWASLU_PARIAMAN, PERSON_TO_CORRECT)));
        steps.add(new Step("neutrality-case", CASE_WITH_MISTAKE, "/neutrality-cases", """
                {"id": "%s", "electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
                 "registerNumber": "012/Reg/TM/PB/Kota/03.07/X/2024", "receivedOn": "2024-10-10",
                 "summary": "Camat memfasilitasi pertemuan tim kampanye salah satu pasangan calon",
                 "violationForms": ["KEGIATAN_PARTISAN"], "handlingAgencyId": "%s",
                 "persons": [{"id": "%s", "name": "Syafri Yanto", "employer": "Pemerintah Kota Pariaman",
                              "positionCategory": "LURAH_CAMAT", "positionTitle": "Camat Pariaman Tengah"},
                             {"id": "%s", "name": "Syafri Yanto", "employer": "Pemerintah Kota Pariaman",
                              "positionCategory": "LURAH_CAMAT", "positionTitle": "Camat"}]}""".formatted(
                        CASE_WITH_MISTAKE, BAWASLU_PARIAMAN, PERSON_KEPT, PERSON_BY_MISTAKE)));
        steps.add(new Step("neutrality-case", CASE_TO_DELETE, "/neutrality-cases", """
                {"id": "%s", "electionType": "PILKADA", "electionYear": 2024, "regionCode": "13.77", "source": "TEMUAN",
                 "registerNumber": "013/Reg/TM/PB/Kota/03.07/X/2024", "receivedOn": "2024-10-11",
                 "summary": "Temuan yang tercatat dua kali dengan nomor register lain",
                 "violationForms": ["MEDIA_SOSIAL"], "handlingAgencyId": "%s",
                 "persons": [{"id": "%s", "name": "Ahmad Fauzi", "employer": "Pemerintah Kota Pariaman",
                              "positionCategory": "FUNGSIONAL", "positionTitle": "Kepala Sekolah"}]}""".formatted(
                        CASE_TO_DELETE, BAWASLU_PARIAMAN, PERSON_OF_CASE_TO_DELETE)));

        byte[] photo = picture(1);
        byte[] other = picture(2);
        steps.add(Step.upload(
                ATTACHMENT, "Lokasi bentrokan di Simpang Kampung Baru", "FOTO", INCIDENT, photo.length, photo));
        steps.add(Step.upload(ATTACHMENT_TO_DELETE, "Foto yang salah unggah", "FOTO", INCIDENT, other.length, other));
        steps.add(Step.upload(UPLOAD, "Video bentrokan (sedang diunggah)", "VIDEO", INCIDENT, 2_483_312, null));
        steps.add(Step.upload(UPLOAD_TO_ABANDON, "Unggahan yang dibatalkan", "FOTO", INCIDENT, 1_024, null));

        steps.add(new Step(
                "api-key", API_KEY, "/api-keys", """
                {"id": "%s", "agencyId": "%s", "name": "Dasbor demo Kesbangpol Provinsi Sumatera Barat",
                 "regionScope": ["13"], "scopes": ["read", "feed:read"], "classification": "RESTRICTED",
                 "expiresAt": "%sT00:00:00Z"}""".formatted(API_KEY, KESBANGPOL_SUMBAR, today.plusDays(180))));
        String account = """
                {"id": "%s", "issuer": "https://terpadu.local/dev", "subject": "%s", "name": "%s", "agencyId": "%s",
                 "roles": ["OFFICER"], "regionScope": ["13.77"], "email": "%s", "phone": "+62 751 91110", "language": "id"}""";
        steps.add(new Step(
                "account",
                ACCOUNT,
                "/accounts",
                account.formatted(
                        ACCOUNT,
                        "operator.polres.pariaman",
                        "Rahmat Hidayat",
                        POLRES_PARIAMAN,
                        "rahmat@polres.example")));
        steps.add(new Step(
                "account",
                ACCOUNT_TO_DEACTIVATE,
                "/accounts",
                account.formatted(
                        ACCOUNT_TO_DEACTIVATE,
                        "operator.bawaslu.pariaman",
                        "Siti Rahmawati",
                        BAWASLU_PARIAMAN,
                        "siti@bawaslu.example")));
        // the secretariat of the token example coordinator-sumbar, with the token's own rights: its inbox and
        // notification preferences are the examples'
        steps.add(new Step(
                "account", ACCOUNT_SECRETARIAT, "/accounts", """
                {"id": "%s", "issuer": "https://terpadu.local/dev", "subject": "kesbangpol.sumbar.sekretariat",
                 "name": "Sekretariat Timdu PKS Sumatera Barat", "agencyId": "%s", "roles": ["COORDINATOR"],
                 "regionScope": ["13"], "email": "sekretariat@kesbangpol-sumbar.example", "language": "id"}""".formatted(ACCOUNT_SECRETARIAT, KESBANGPOL_SUMBAR)));
        String webhook = """
                {"id": "%s", "url": "%s", "description": "%s", "eventTypes": ["conflict-status"], "regionCode": "13.77",
                 "maxClassification": "RESTRICTED"}""";
        steps.add(new Step(
                "webhook",
                WEBHOOK,
                "/webhooks",
                webhook.formatted(
                        WEBHOOK,
                        WEBHOOK_URL,
                        "Demo: nothing answers on this address, so its deliveries fail and can be redelivered")));
        steps.add(new Step(
                "webhook",
                WEBHOOK_DISABLED,
                "/webhooks",
                webhook.formatted(WEBHOOK_DISABLED, WEBHOOK_URL, "Demo: disabled after its deliveries failed")));
        steps.add(new Step(
                "webhook",
                WEBHOOK_TO_DELETE,
                "/webhooks",
                webhook.formatted(WEBHOOK_TO_DELETE, WEBHOOK_URL, "Demo: to be deleted")));
        return steps;
    }
}

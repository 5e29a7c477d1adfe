package id.terpadu.tour;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.terpadu.client.ApiClient;
import id.terpadu.client.ApiException;
import id.terpadu.client.api.*;
import id.terpadu.client.model.*;

/**
 * The curl tour of docs/tours.md, walked through the client generated from openapi.yaml, with a check of each answer; then
 * every remaining operation once. Prints "operations covered: N of M" (operations of openapi.yaml that answered
 * through this client) and exits non-zero on a failed check or an operation not covered.
 *
 * <p>Usage: {@code Tour <base URL, e.g. http://localhost:4010> <path of openapi.yaml> [<the service's own URL, for
 * requests that carry a file>]}.
 */
public final class Tour {

    private final ApiClient client = new ApiClient();
    /**
     * The service itself, for the requests that carry a file: the validation proxy re-encodes a binary body as text
     * (a multipart form's file, a tus piece), which corrupts it, so those few go around it. Their answers are still
     * counted as covered; every other request and answer goes through the proxy.
     */
    private final ApiClient direct = new ApiClient();

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new ArrayList<>();
    private int checks;
    private volatile String token;

    private Tour(String base, String service) {
        for (ApiClient c : List.of(client, direct)) {
            // HTTP/1.1: on plain http, java.net.http first offers an h2c upgrade, which the proxy passes on with the
            // body and the service then never reads in full.
            c.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
            c.setReadTimeout(Duration.ofSeconds(30));
            c.setRequestInterceptor(builder -> {
                if (token != null) {
                    builder.header("Authorization", "Bearer " + token);
                }
            });
            c.setResponseInterceptor(response ->
                    seen.add(response.request().method() + " " + response.uri().getPath()));
        }
        client.updateBaseUri(base);
        direct.updateBaseUri(service);
    }

    public static void main(String[] args) throws Exception {
        Tour tour = new Tour(args[0], args.length > 2 ? args[2] : args[0]);
        try {
            tour.walk();
        } catch (ApiException e) {
            tour.failures.add("unexpected " + e.getCode() + ": " + e.getResponseBody());
        }
        int missing = tour.coverage(new File(args[1]));
        System.out.println("checks: " + tour.checks + ", failed: " + tour.failures.size());
        tour.failures.forEach(f -> System.out.println("FAIL " + f));
        System.exit(tour.failures.isEmpty() && missing == 0 ? 0 : 1);
    }

    private void check(String what, boolean ok) {
        checks++;
        if (!ok) {
            failures.add(what);
        }
        System.out.println((ok ? "ok   " : "FAIL ") + what);
    }

    private int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ApiException api) {
                return api.getCode();
            }
            throw e;
        }
    }

    private interface Call {
        void run() throws ApiException;
    }

    private int statusOf(Call call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private String mint(String subject, Role role, String scope, UUID agencyId) throws ApiException {
        DevTokenRequest request = new DevTokenRequest()
                .subject(subject)
                .roles(List.of(role))
                .regionScope(scope == null ? List.of() : List.of(scope))
                .agencyId(agencyId);
        return new DevelopmentApi(client).devTokenResourceMint(request, null).getAccessToken();
    }

    private void walk() throws ApiException {
        DevelopmentApi dev = new DevelopmentApi(client);
        AgenciesApi agencies = new AgenciesApi(client);
        TeamsApi teams = new TeamsApi(client);
        RegionsApi regions = new RegionsApi(client);
        EarlyWarningsApi warnings = new EarlyWarningsApi(client);
        IncidentsApi incidents = new IncidentsApi(client);
        TasksApi tasks = new TasksApi(client);
        ConflictStatusesApi statuses = new ConflictStatusesApi(client);
        StatisticsApi statistics = new StatisticsApi(client);
        MeetingsApi meetings = new MeetingsApi(client);
        NeutralityCasesApi cases = new NeutralityCasesApi(client);
        ActionPlansApi plans = new ActionPlansApi(client);

        // 1. A token for the Kesbangpol secretariat of Kepulauan Bangka Belitung
        DevTokenResponse minted = dev.devTokenResourceMint(
                new DevTokenRequest()
                        .subject("kesbangpol.babel")
                        .name("Sekretariat Timdu PKS Babel")
                        .roles(List.of(Role.COORDINATOR))
                        .regionScope(List.of("19")),
                null);
        check(
                "1. token minted for kesbangpol.babel",
                minted.getAccessToken() != null && "kesbangpol.babel".equals(minted.getSubject()));
        String babel = minted.getAccessToken();
        String admin = mint("admin", Role.ADMIN, null, null);
        token = babel;
        // The development demo data set that the examples name, on the fresh database, before the tour adds its own
        // (the tour picks a year that has no team yet in its regions)
        check(
                "demo data set loaded",
                dev.demoDataResourceLoad(null, null).getRecords().size() > 30);

        // 2. The member agencies
        Map<String, UUID> agency = new LinkedHashMap<>();
        String[][] members = {
            {"KESBANGPOL", "Badan Kesbangpol Provinsi Kepulauan Bangka Belitung"},
            {"PEMDA", "Pemerintah Provinsi Kepulauan Bangka Belitung"},
            {"TNI", "Korem 045/Garuda Jaya"},
            {"POLRI", "Polda Kepulauan Bangka Belitung"},
            {"BIN", "Binda Kepulauan Bangka Belitung"},
            {"OPD", "Dinas Sosial Provinsi Kepulauan Bangka Belitung"}
        };
        for (String[] m : members) {
            Agency created = agencies.agencyResourceCreate(
                    new AgencyInput()
                            .name(m[1])
                            .type(AgencyType.fromValue(m[0]))
                            .regionCode("19"),
                    null);
            check(
                    "2. agency " + m[0] + " created in region 19",
                    created.getId() != null && "19".equals(created.getRegionCode()));
            agency.put(m[0], created.getId());
        }

        // 3. The team of 2023
        // One team per region and year: the latest year without one, so that the tour runs again on a kept database
        token = admin;
        int free = 0;
        for (int y = 2024; y >= 2012 && free == 0; y--) {
            if (teams.teamResourceList(null, null, 1, "19", y).getItems().isEmpty()
                    && teams.teamResourceList(null, null, 1, "13", y).getItems().isEmpty()) {
                free = y;
            }
        }
        final int year = free;
        check("3. a year without a team in regions 19 and 13", year != 0);
        token = babel;
        Team team = teams.teamResourceCreate(
                new TeamInput()
                        .level(TeamLevel.PROVINSI)
                        .regionCode("19")
                        .year(year)
                        .decreeNumber("188.44/123/KESBANGPOL/2023")
                        .decreeDate(LocalDate.of(2023, 2, 6))
                        .secretariatAgencyId(agency.get("KESBANGPOL")),
                null);
        check("3. team formed", team.getId() != null && team.getYear() == year);

        // 4. Its members
        TeamsApi teamMembers = teams;
        Object[][] roster = {
            {"PEMDA", "Gubernur Kepulauan Bangka Belitung", TeamRole.KETUA, null},
            {"POLRI", "Kapolda Kepulauan Bangka Belitung", TeamRole.WAKIL_KETUA, SubTeam.PENGHENTIAN},
            {"KESBANGPOL", "Kepala Badan Kesbangpol", TeamRole.SEKRETARIS, SubTeam.PENCEGAHAN},
            {"TNI", "Danrem 045/Garuda Jaya", TeamRole.ANGGOTA, SubTeam.PENGHENTIAN},
            {"BIN", "Kabinda Kepulauan Bangka Belitung", TeamRole.ANGGOTA, SubTeam.PENCEGAHAN},
            {"OPD", "Kepala Dinas Sosial", TeamRole.ANGGOTA, SubTeam.PEMULIHAN}
        };
        TeamMember first = null;
        for (Object[] r : roster) {
            TeamMember member = teamMembers.teamMemberResourceAdd(
                    team.getId(),
                    new TeamMemberInput()
                            .agencyId(agency.get((String) r[0]))
                            .personName((String) r[1])
                            .role((TeamRole) r[2])
                            .subTeam((SubTeam) r[3]),
                    null);
            check("4. member " + r[1], member.getRole() == r[2]);
            first = first == null ? member : first;
        }

        // 5. Read it back
        check("5. team read back", teams.teamResourceGet(team.getId()).getId().equals(team.getId()));
        check(
                "5. two members of PENGHENTIAN",
                teamMembers
                                .teamMemberResourceList(team.getId(), null, null, null, SubTeam.PENGHENTIAN)
                                .getItems()
                                .size()
                        == 2);
        check(
                "5. team history holds its creation",
                !teams.teamResourceHistory(team.getId(), null, null).getItems().isEmpty());

        // 6. A second KETUA is refused (409), a region outside the scope too (403)
        UUID teamId = team.getId();
        check(
                "6. second KETUA refused with 409",
                statusOf(() -> teamMembers.teamMemberResourceAdd(
                                teamId,
                                new TeamMemberInput()
                                        .agencyId(agency.get("POLRI"))
                                        .personName("Wakapolda")
                                        .role(TeamRole.KETUA),
                                null))
                        == 409);
        check(
                "6. agency outside the scope refused with 403",
                statusOf(() -> agencies.agencyResourceCreate(
                                new AgencyInput()
                                        .name("Polda Sumatera Barat")
                                        .type(AgencyType.POLRI)
                                        .regionCode("13"),
                                null))
                        == 403);

        // 7. A retry with the same Idempotency-Key answers the first record
        String key = UUID.randomUUID().toString();
        AgencyInput kodim =
                new AgencyInput().name("Kodim 0413/Bangka").type(AgencyType.TNI).regionCode("19");
        Agency once = agencies.agencyResourceCreate(kodim, key);
        Agency again = agencies.agencyResourceCreate(kodim, key);
        check("7. idempotent retry answers the same agency", once.getId().equals(again.getId()));

        // Regions below the province, imported as ADMIN; one of its own per run (a region has one conflict status at
        // a time, and a database kept from an earlier run still holds the earlier one)
        String ownRegion = "19.%02d".formatted(year - 2012 + 10);
        token = admin;
        RegionImportResult imported = regions.regionResourceImportCsv(
                "kode,nama\n19.71,Kota Pangkal Pinang\n13.71,Kota Padang\n13.77,Kota Pariaman\n" + ownRegion
                        + ",Kabupaten Uji\n",
                null,
                null);
        check("regions imported", imported.getReceived() == 4);
        token = babel;

        // 8. An early warning (risk 4 x 3 = 12, SEDANG)
        EarlyWarning warning = warnings.warningResourceCreate(
                new EarlyWarningInput()
                        .regionCode("19.71")
                        .categoryCode("POLITIK_PILKADA")
                        .title("Ketegangan antarpendukung paslon jelang penetapan hasil")
                        .indicators(List.of("Ujaran kebencian di grup WhatsApp", "Pengerahan massa ke KPU"))
                        .likelihood(4)
                        .impact(3)
                        .sourceKind(SourceKind.PATROLI)
                        .classification(Classification.RESTRICTED)
                        .recommendedActions("Patroli gabungan; dialog tokoh kedua kubu"),
                null);
        check("8. warning risk 12 SEDANG", warning.getRiskScore() == 12 && warning.getRiskLevel() == RiskLevel.SEDANG);

        // 9. Escalated into an incident, stage PENGHENTIAN
        Incident incident = warnings.warningResourceEscalate(
                warning.getId(),
                new EscalationInput()
                        .occurredFrom(OffsetDateTime.of(2024, 11, 28, 2, 0, 0, 0, ZoneOffset.UTC))
                        .severity(4)
                        .description("Massa membakar ban di depan kantor KPU"),
                null);
        check("9. incident in PENGHENTIAN", incident.getStage() == Stage.PENGHENTIAN);

        // 10. Activities; the wrong stage's is refused with 409
        UUID incidentId = incident.getId();
        Activity stop = incidents.incidentResourceAddActivity(
                incidentId,
                activity(
                        "PENGHENTIAN_KEKERASAN_FISIK",
                        agency.get("POLRI"),
                        "2024-11-28T03:00:00Z",
                        "Pembubaran massa oleh Polda"),
                null);
        check("10. activity recorded", "PENGHENTIAN_KEKERASAN_FISIK".equals(stop.getActivityType()));
        incidents.incidentResourceAddActivity(
                incidentId,
                activity(
                        "TD_PENYELAMATAN_EVAKUASI",
                        agency.get("OPD"),
                        "2024-11-28T04:00:00Z",
                        "Evakuasi warga sekitar kantor KPU"),
                null);
        check(
                "10. recovery activity refused with 409",
                statusOf(() -> incidents.incidentResourceAddActivity(
                                incidentId,
                                activity("REKONSTRUKSI", agency.get("OPD"), "2024-11-28T05:00:00Z", "Too early"),
                                null))
                        == 409);

        // 11. A task for Korem
        Task task = tasks.taskResourceAdd(
                incidentId,
                new TaskInput()
                        .agencyId(agency.get("TNI"))
                        .description("Siagakan personel untuk pengamanan rekapitulasi")
                        .dueAt(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                null);
        check("11. task open", task.getId() != null);

        // 12. A Status Keadaan Konflik for 30 days
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ConflictStatus status = statuses.conflictStatusResourceDeclare(
                new ConflictStatusInput()
                        .scale(Scale.KABUPATEN_KOTA)
                        .regionCode(ownRegion)
                        .declaredBy("Bupati Uji")
                        .decreeNumber("300/45/2024")
                        .consultationDate(today.minusDays(1))
                        .startsOn(today)
                        .endsOn(today.plusDays(29)),
                null);
        check("12. conflict status declared", status.getId() != null);

        // 13. Recovery, reconciliation, closing
        Incident recovering = incidents.incidentResourceTransition(
                incidentId, new StageTransitionInput().to(Stage.PEMULIHAN).reason("Kekerasan berhenti"), "*", null);
        check("13. stage PEMULIHAN", recovering.getStage() == Stage.PEMULIHAN);
        incidents.incidentResourceAddActivity(
                incidentId,
                activity(
                        "PERUNDINGAN",
                        agency.get("KESBANGPOL"),
                        // after the move to pemulihan: an activity is judged by the stage at its own time
                        java.time.Instant.now().toString(),
                        "Perundingan kedua kubu difasilitasi Kesbangpol"),
                null);
        Incident closed = incidents.incidentResourceTransition(
                incidentId,
                new StageTransitionInput()
                        .to(Stage.SELESAI)
                        .reason("Kesepakatan damai")
                        .closingSummary("Kedua kubu menandatangani kesepakatan damai"),
                "*",
                null);
        check("13. stage SELESAI", closed.getStage() == Stage.SELESAI);
        check(
                "13. three transitions",
                incidents.incidentResourceTransitions(incidentId).getItems().size() >= 2);
        check(
                "13. statistics answer",
                statistics.statisticsResourceIncidents(
                                null,
                                null,
                                null,
                                null,
                                List.of("category", "stage"),
                                null,
                                null,
                                null,
                                "19",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        != null);

        check(
                "13. incidents by ISO week and top-level category",
                statistics
                        .statisticsResourceIncidents(
                                null,
                                null,
                                null,
                                null,
                                List.of("isoWeek", "parentCategory"),
                                null,
                                null,
                                null,
                                "19.71",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        .getRows()
                        .stream()
                        .anyMatch(r -> "2024-W48".equals(r.getKey().get("isoWeek"))
                                && "POLITIK".equals(r.getKey().get("parentCategory"))));
        check(
                "13. the closed incident counts as resolved in 2024",
                statistics.statisticsResourceResolution("kabkota", "19", 2024).getRows().stream()
                        .anyMatch(r -> "19.71".equals(r.getRegion()) && r.getClosed() >= 1 && r.getShare() != null));
        check(
                "13. early-warning statistics count the escalated warning",
                statistics
                        .warningStatisticsResourceStatistics(
                                null,
                                null,
                                null,
                                null,
                                List.of("riskLevel", "status"),
                                null,
                                null,
                                "19.71",
                                null,
                                null,
                                null,
                                null)
                        .getRows()
                        .stream()
                        .anyMatch(r -> "SEDANG".equals(r.getKey().get("riskLevel"))
                                && "ESKALASI".equals(r.getKey().get("status"))));
        check(
                "13. task statistics answer",
                statistics
                                .taskStatisticsResourceStatistics(null, List.of("state"), null, "19", null)
                                .getRows()
                        != null);

        // 14-16. Sumatera Barat: a rakor, an ASN neutrality case, the Rencana Aksi Terpadu
        String sumbar = mint("kesbangpol.sumbar", Role.COORDINATOR, "13", null);
        token = sumbar;
        UUID kesbangpol13 = agencies.agencyResourceCreate(
                        new AgencyInput()
                                .name("Badan Kesbangpol Provinsi Sumatera Barat")
                                .type(AgencyType.KESBANGPOL)
                                .regionCode("13"),
                        null)
                .getId();
        UUID bawaslu13 = agencies.agencyResourceCreate(
                        new AgencyInput()
                                .name("Bawaslu Provinsi Sumatera Barat")
                                .type(AgencyType.BAWASLU)
                                .regionCode("13"),
                        null)
                .getId();
        UUID bawaslu1377 = agencies.agencyResourceCreate(
                        new AgencyInput()
                                .name("Bawaslu Kota Pariaman")
                                .type(AgencyType.BAWASLU)
                                .regionCode("13.77"),
                        null)
                .getId();
        Team team13 = teams.teamResourceCreate(
                new TeamInput()
                        .level(TeamLevel.PROVINSI)
                        .regionCode("13")
                        .year(year)
                        .secretariatAgencyId(kesbangpol13),
                null);

        // 14. The rakor in Padang and its decision for Bawaslu, overdue once its day has passed
        Meeting meeting = meetings.meetingResourceCreate(
                new MeetingInput()
                        .teamId(team13.getId())
                        .kind(MeetingKind.RUTIN)
                        .title("Rakor Tim Terpadu PKS menjelang Pilkada 2024")
                        .startsAt(OffsetDateTime.parse("2024-10-28T02:00:00Z"))
                        .place("Aula Kesbangpol Provinsi Sumatera Barat, Padang")
                        .chair("Kepala Badan Kesbangpol Provinsi Sumatera Barat")
                        .agenda(List.of("Kerawanan Pilkada 2024", "Netralitas ASN"))
                        .attendees(List.of(
                                new MeetingAttendee()
                                        .agencyId(bawaslu13)
                                        .organisation("Bawaslu Provinsi Sumatera Barat")
                                        .position("Ketua")
                                        .attendance(Attendance.DIWAKILI)
                                        .representedBy("Koordinator Divisi Pencegahan"),
                                new MeetingAttendee()
                                        .organisation("Polda Sumatera Barat")
                                        .position("Dirintelkam")
                                        .attendance(Attendance.HADIR)))
                        .minutes(
                                "Bawaslu melaporkan grup WhatsApp 15 ASN Kota Pariaman yang mendukung salah satu pasangan calon."),
                null);
        check("14. rakor recorded", meeting.getId() != null);
        MeetingDecision decision = meetings.meetingResourceAddDecision(
                meeting.getId(),
                new MeetingDecisionInput()
                        .description("Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman")
                        .ownerAgencyId(bawaslu13)
                        .dueOn(LocalDate.of(2024, 11, 4)),
                null);
        check("14. decision recorded", decision.getId() != null);
        check(
                "14. the decision is overdue",
                meetings.decisionResourceList(null, null, true, null, null, null).getItems().stream()
                        .anyMatch(d -> d.getId().equals(decision.getId())));

        // 15. Bawaslu Kota Pariaman's finding: 15 civil servants, each starting DITERIMA
        List<NeutralityPersonInput> persons = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            persons.add(new NeutralityPersonInput()
                    .name("ASN Pariaman " + i)
                    .employer("Pemerintah Kota Pariaman")
                    .positionCategory(PositionCategory.PELAKSANA));
        }
        NeutralityCase neutrality = cases.neutralityResourceCreate(
                new NeutralityCaseInput()
                        .electionType(ElectionType.PILKADA)
                        .electionYear(2024)
                        .regionCode("13.77")
                        .source(CaseSource.TEMUAN)
                        .receivedOn(LocalDate.of(2024, 10, 21))
                        .summary("Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon")
                        .violationForms(List.of("MEDIA_SOSIAL"))
                        .handlingAgencyId(bawaslu1377)
                        .persons(persons),
                null);
        check("15. case with 15 persons", neutrality.getPersons().size() == 15);
        UUID caseId = neutrality.getId();
        List<UUID> ids = cases.neutralityResourceGet(caseId).getPersons().stream()
                .map(NeutralityPerson::getId)
                .toList();
        cases.neutralityResourceTransition(
                caseId,
                new NeutralityTransitionInput()
                        .personIds(ids)
                        .to(NeutralityStatus.KAJIAN)
                        .decidedOn(LocalDate.of(2024, 10, 22)),
                null,
                null);
        check(
                "15. a recommendation to KASN refused with 400",
                statusOf(() -> cases.neutralityResourceTransition(
                                caseId,
                                new NeutralityTransitionInput()
                                        .personIds(ids.subList(10, 15))
                                        .to(NeutralityStatus.REKOMENDASI)
                                        .recipient(Recipient.KASN)
                                        .decidedOn(LocalDate.of(2024, 11, 4)),
                                null,
                                null))
                        == 400);
        cases.neutralityResourceTransition(
                caseId,
                new NeutralityTransitionInput()
                        .personIds(ids.subList(0, 10))
                        .to(NeutralityStatus.REKOMENDASI)
                        .recipient(Recipient.POLRI)
                        .decidedOn(LocalDate.of(2024, 11, 4)),
                null,
                null);
        NeutralityCase recommended = cases.neutralityResourceTransition(
                caseId,
                new NeutralityTransitionInput()
                        .personIds(ids.subList(10, 15))
                        .to(NeutralityStatus.REKOMENDASI)
                        .recipient(Recipient.BKN)
                        .decidedOn(LocalDate.of(2024, 11, 4)),
                null,
                null);
        check(
                "15. every person recommended",
                recommended.getPersons().stream().allMatch(x -> x.getStatus() == NeutralityStatus.REKOMENDASI));
        check(
                "15. neutrality statistics answer",
                statistics
                                .neutralityStatisticsResourceStatistics(
                                        null, null, List.of("election", "recipient"), "13", null)
                                .getRows()
                        != null);
        token = mint("analis.sumbar", Role.ANALYST, "13", null);
        check(
                "15. an analyst sees masked names",
                cases.neutralityResourceGet(caseId).getPersons().stream()
                        .noneMatch(x -> x.getName().startsWith("ASN Pariaman")));
        token = sumbar;

        // 16. The Rencana Aksi Terpadu: an item, its B04 report, submitted by the secretariat, verified nationally
        ActionPlan plan = plans.actionPlanResourceCreate(
                new ActionPlanInput()
                        .teamId(team13.getId())
                        .year(year)
                        .title("Rencana Aksi Terpadu PKS Provinsi Sumatera Barat " + year),
                null);
        ActionPlanItem item = plans.actionPlanResourceAddItem(
                plan.getId(),
                new ActionPlanItemInput()
                        .stage(PlanStage.PENCEGAHAN)
                        .activity("Rapat koordinasi deteksi dini menjelang Pilkada")
                        .indicator("Rapat terlaksana")
                        .targetValue(BigDecimal.valueOf(4))
                        .targetUnit("kali")
                        .responsibleAgencyId(kesbangpol13)
                        .startsOn(LocalDate.of(year, 1, 15))
                        .endsOn(LocalDate.of(year, 11, 30)),
                null);
        ProgressReport report = plans.actionPlanResourceAddReport(
                plan.getId(),
                item.getId(),
                new ProgressReportInput()
                        .period(Period.B04)
                        .realisation(BigDecimal.valueOf(2))
                        .obstacles("Jadwal bergeser karena tahapan pencalonan"),
                null);
        token = mint("sekretariat.sumbar", Role.COORDINATOR, "13", kesbangpol13);
        ProgressReport submitted = plans.actionPlanResourceTransition(
                plan.getId(),
                report.getId(),
                new ProgressReportTransitionInput().to(ReportStatus.SUBMITTED),
                null,
                null);
        check("16. report submitted", submitted.getStatus() == ReportStatus.SUBMITTED);
        token = admin;
        ProgressReport verified = plans.actionPlanResourceTransition(
                plan.getId(),
                report.getId(),
                new ProgressReportTransitionInput().to(ReportStatus.VERIFIED),
                null,
                null);
        check("16. report verified", verified.getStatus() == ReportStatus.VERIFIED);
        token = sumbar;
        check("16. achievement answers", plans.actionPlanResourceAchievement(plan.getId()) != null);
        token = admin;
        check("16. national recap answers", plans.actionPlanResourceRecap(Period.B04, year) != null);

        // Every other operation, once: a 2xx where the tour's records allow it; any answer is checked by the proxy.
        token = admin;
        UUID nobody = UUID.randomUUID();
        touch("agency list", () -> agencies.agencyResourceList(null, 10, null, null, "19", null));
        touch("agency get", () -> agencies.agencyResourceGet(agency.get("TNI")));
        touch("agency history", () -> agencies.agencyResourceHistory(agency.get("TNI"), null, 10));
        touch(
                "agency replace",
                () -> agencies.agencyResourceReplace(
                        once.getId(), "*", kodim.name("Kodim 0413/Bangka (Sungailiat)"), null));
        touch("team list", () -> teams.teamResourceList(null, null, 10, "19", null));
        touch(
                "team replace",
                () -> teams.teamResourceReplace(
                        team13.getId(),
                        "*",
                        new TeamInput()
                                .level(TeamLevel.PROVINSI)
                                .regionCode("13")
                                .year(year)
                                .secretariatAgencyId(kesbangpol13)
                                .decreeNumber("188.44/1/2024"),
                        null));
        UUID firstId = first.getId();
        touch("member get", () -> teams.teamMemberResourceGet(firstId, teamId));
        touch("member history", () -> teams.teamMemberResourceHistory(firstId, teamId, null, 10));
        touch(
                "member replace",
                () -> teams.teamMemberResourceReplace(
                        firstId,
                        teamId,
                        "*",
                        new TeamMemberInput()
                                .agencyId(agency.get("PEMDA"))
                                .personName("Gubernur Kepulauan Bangka Belitung")
                                .role(TeamRole.KETUA),
                        null));
        touch("region search", () -> regions.regionResourceSearch(null, null, 10, null, "pariaman"));
        touch("region get", () -> regions.regionResourceGet("13.77"));
        touch("region children", () -> regions.regionResourceChildren("13", null, 10));
        ReferenceDataApi reference = new ReferenceDataApi(client);
        touch("reference kinds", reference::referenceResourceKinds);
        touch("reference items", () -> reference.referenceResourceItems("activity-types", "id"));
        touch(
                "warning list",
                () -> warnings.warningResourceList(
                        null, null, null, null, null, 10, null, "19", null, null, null, null));
        // a PUBLIC warning that was never published is a draft, and a draft may be deleted (CAP withdraws the others)
        EarlyWarning draftWarning = warnings.warningResourceCreate(
                new EarlyWarningInput()
                        .regionCode("19")
                        .categoryCode("POLITIK_PILKADA")
                        .title("Draf peringatan yang salah ketik")
                        .likelihood(2)
                        .impact(2)
                        .sourceKind(SourceKind.LAPORAN_INSTANSI)
                        .classification(Classification.PUBLIC),
                null);
        touch("warning delete (draft)", () -> warnings.warningResourceDelete(draftWarning.getId(), "\"0\""));
        touch("warning get", () -> warnings.warningResourceGet(warning.getId()));
        touch("warning history", () -> warnings.warningResourceHistory(warning.getId(), null, 10));
        EarlyWarning second = warnings.warningResourceCreate(
                new EarlyWarningInput()
                        .regionCode("19")
                        .categoryCode("POLITIK_PILKADA")
                        .title("Pengerahan massa jelang rapat pleno")
                        .likelihood(2)
                        .impact(2)
                        .sourceKind(SourceKind.PATROLI)
                        .classification(Classification.RESTRICTED),
                null);
        touch(
                "warning replace",
                () -> warnings.warningResourceReplace(
                        second.getId(),
                        "*",
                        new EarlyWarningInput()
                                .regionCode("19")
                                .categoryCode("POLITIK_PILKADA")
                                .title("Pengerahan massa jelang rapat pleno KPU")
                                .likelihood(3)
                                .impact(2)
                                .sourceKind(SourceKind.PATROLI)
                                .classification(Classification.RESTRICTED),
                        null));
        // deteksi dini: an agency is asked to act on the warning before anything happens
        Task warningTask = tasks.warningTaskResourceAdd(
                second.getId(),
                new TaskInput()
                        .agencyId(agency.get("POLRI"))
                        .description("Patroli dialogis di sekitar kantor KPU")
                        .dueAt(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                null);
        check("warning task open", warningTask.getWarningId() != null && warningTask.getIncidentId() == null);
        touch("warning tasks", () -> tasks.warningTaskResourceOfWarning(second.getId(), null, 10, null));
        touch("warning task", () -> tasks.warningTaskResourceGet(second.getId(), warningTask.getId()));
        touch(
                "warning task correction",
                () -> tasks.warningTaskResourceReplace(
                        second.getId(),
                        warningTask.getId(),
                        "*",
                        new TaskInput()
                                .agencyId(agency.get("POLRI"))
                                .description("Patroli dialogis di sekitar kantor KPU dan posko paslon")
                                .dueAt(OffsetDateTime.of(2030, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC)),
                        null));
        touch(
                "warning task transition",
                () -> tasks.warningTaskResourceTransition(
                        second.getId(),
                        warningTask.getId(),
                        new TaskTransitionInput().to(TaskState.ACKNOWLEDGED),
                        "*",
                        null));
        // four eyes: a coordinator other than the warning's author verifies it, and an incident
        String verifier = mint("verifikator.babel", Role.COORDINATOR, "19", null);
        String author = token;
        token = verifier;
        touch(
                "warning verification",
                () -> warnings.warningResourceVerify(
                        second.getId(),
                        "*",
                        new VerificationInput()
                                .state(Verification.TERVERIFIKASI)
                                .method(VerificationMethod.KONFIRMASI_SUMBER)
                                .note("Dikonfirmasi ulang kepada Babinsa"),
                        null));
        touch(
                "incident verification",
                () -> incidents.incidentResourceVerify(
                        incidentId,
                        "*",
                        new VerificationInput()
                                .state(Verification.TERVERIFIKASI)
                                .method(VerificationMethod.CEK_LAPANGAN),
                        null));
        token = author;
        touch("alerts atom", warnings::alertFeedResourceFeed);
        touch(
                "incident list",
                () -> incidents.incidentResourceList(
                        null, null, null, null, null, null, null, 10, null, "19", null, null, null, null, null, null));
        touch("incident get", () -> incidents.incidentResourceGet(incidentId));
        // reopening is for a closed incident: this one is open, so the answer is a 409 that says so
        touch(
                "incident reopening",
                () -> incidents.incidentResourceReopen(
                        incidentId,
                        new ReopeningInput().reason("Kekerasan terjadi lagi di lokasi yang sama"),
                        "*",
                        null));
        touch("incident history", () -> incidents.incidentResourceHistory(incidentId, null, 10));
        touch("incident links", () -> incidents.incidentResourceLinks(incidentId));
        touch("incident activities", () -> incidents.incidentResourceActivities(incidentId, null, 10, null));
        touch("incident activity", () -> incidents.incidentResourceActivity(stop.getId(), incidentId));
        touch(
                "incident activity correction",
                () -> incidents.incidentResourceCorrectActivity(
                        stop.getId(),
                        incidentId,
                        "*",
                        activity(
                                stop.getActivityType(),
                                stop.getAgencyId(),
                                stop.getOccurredAt().toString(),
                                "Polres memisahkan kedua kelompok di simpang pasar"),
                        null));
        touch("incident tasks", () -> tasks.taskResourceOfIncident(incidentId, null, 10, null));
        touch("incident task", () -> tasks.taskResourceGet(incidentId, task.getId()));
        touch("task dashboard", () -> tasks.taskDashboardResourceAll(null, null, 10, null, null));
        Incident loose = incidents.incidentResourceCreate(
                new IncidentInput()
                        .title("Bentrok warga di pasar")
                        .categoryCode("POLITIK_PILKADA")
                        .regionCode("19.71")
                        .occurredFrom(OffsetDateTime.parse("2024-11-30T02:00:00Z"))
                        .sourceKind(SourceKind.PATROLI)
                        .severity(2)
                        .classification(Classification.RESTRICTED),
                null);
        check("incident created", loose.getId() != null);
        touch(
                "incident replace",
                () -> incidents.incidentResourceReplace(
                        loose.getId(),
                        "*",
                        new IncidentInput()
                                .title("Bentrok warga di pasar induk")
                                .categoryCode("POLITIK_PILKADA")
                                .regionCode("19.71")
                                .occurredFrom(OffsetDateTime.parse("2024-11-30T02:00:00Z"))
                                .sourceKind(SourceKind.PATROLI)
                                .severity(2)
                                .classification(Classification.RESTRICTED),
                        null));
        Task loosetask = tasks.taskResourceAdd(
                loose.getId(),
                new TaskInput()
                        .agencyId(agency.get("POLRI"))
                        .description("Amankan pasar induk")
                        .dueAt(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                null);
        touch(
                "task correction",
                () -> tasks.taskResourceReplace(
                        loose.getId(),
                        loosetask.getId(),
                        "*",
                        new TaskInput()
                                .agencyId(agency.get("POLRI"))
                                .description("Amankan pasar induk dan terminal")
                                .dueAt(OffsetDateTime.of(2030, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC)),
                        null));
        touch(
                "task transition",
                () -> tasks.taskResourceTransition(
                        loose.getId(),
                        loosetask.getId(),
                        new TaskTransitionInput().to(TaskState.ACKNOWLEDGED),
                        "*",
                        null));
        touch("conflict status list", () -> statuses.conflictStatusResourceList(null, 10, "19", null));
        touch("conflict status get", () -> statuses.conflictStatusResourceGet(status.getId()));
        touch("conflict status history", () -> statuses.conflictStatusResourceHistory(status.getId(), null, 10));
        touch(
                "conflict status correction",
                () -> statuses.conflictStatusResourceCorrect(
                        status.getId(),
                        "*",
                        new ConflictStatusInput()
                                .scale(Scale.KABUPATEN_KOTA)
                                .regionCode(status.getRegionCode())
                                .declaredBy("Bupati Uji")
                                .decreeNumber("300/45/2025")
                                .consultationDate(today.minusDays(1))
                                .startsOn(today)
                                .endsOn(today.plusDays(29)),
                        null));
        TniAssistance assistance = statuses.conflictStatusResourceRequestTni(
                status.getId(),
                new TniAssistanceInput()
                        .requestedBy("Wali Kota Pangkal Pinang")
                        .reason("Eskalasi massa")
                        .tasks(List.of(TniTask.PENYELAMATAN))
                        .startsOn(today)
                        .endsOn(today.plusDays(7)),
                null);
        check("tni assistance requested", assistance.getId() != null);
        touch("tni assistance list", () -> statuses.conflictStatusResourceTni(status.getId()));
        touch(
                "tni assistance get",
                () -> statuses.conflictStatusResourceTniRequest(assistance.getId(), status.getId()));
        touch(
                "tni assistance amendment",
                () -> statuses.conflictStatusResourceAmendTni(
                        assistance.getId(),
                        status.getId(),
                        "*",
                        new TniAssistanceInput()
                                .requestedBy("Wali Kota Pangkal Pinang")
                                .reason("Eskalasi massa di dua kecamatan")
                                .tasks(List.of(TniTask.PENYELAMATAN, TniTask.PENGHENTIAN_KEKERASAN))
                                .startsOn(today)
                                .endsOn(today.plusDays(7)),
                        null));
        touch(
                "tni assistance ending",
                () -> statuses.conflictStatusResourceEndTni(
                        assistance.getId(),
                        status.getId(),
                        "*",
                        new TniAssistanceEndingInput().endedOn(today).reason("Situasi terkendali"),
                        null));
        touch(
                "conflict status extension",
                () -> statuses.conflictStatusResourceExtend(
                        status.getId(),
                        new ConflictStatusExtensionInput()
                                .decreeNumber("300/46/2024")
                                .reason("Situasi belum pulih")
                                .days(30),
                        null));
        touch(
                "conflict status revocation",
                () -> statuses.conflictStatusResourceRevoke(
                        status.getId(),
                        new ConflictStatusRevocationInput()
                                .revokedOn(today)
                                .reason("Situasi pulih")
                                .decreeNumber("300/47/2024"),
                        null));
        touch("meeting list", () -> meetings.meetingResourceList(null, null, null, 10, "13", null, null));
        touch("meeting get", () -> meetings.meetingResourceGet(meeting.getId()));
        touch("meeting history", () -> meetings.meetingResourceHistory(meeting.getId(), null, 10));
        touch(
                "meeting replace",
                () -> meetings.meetingResourceReplace(
                        meeting.getId(),
                        "*",
                        new MeetingInput()
                                .teamId(team13.getId())
                                .kind(MeetingKind.RUTIN)
                                .title("Rakor Tim Terpadu PKS menjelang Pilkada 2024")
                                .startsAt(OffsetDateTime.parse("2024-10-28T02:00:00Z"))
                                .place("Aula Kesbangpol, Padang")
                                .chair("Kepala Badan Kesbangpol Provinsi Sumatera Barat"),
                        null));
        touch("decision get", () -> meetings.meetingResourceDecision(decision.getId(), meeting.getId()));
        touch(
                "decision history",
                () -> meetings.meetingResourceDecisionHistory(decision.getId(), meeting.getId(), null, 10));
        touch(
                "decision correction",
                () -> meetings.meetingDecisionResourceCorrectDecision(
                        decision.getId(),
                        meeting.getId(),
                        "*",
                        new MeetingDecisionInput()
                                .description("Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman ke BKN")
                                .ownerAgencyId(decision.getOwnerAgencyId())
                                .dueOn(LocalDate.of(2024, 11, 8)),
                        null));
        MeetingDecision mistaken = meetings.meetingResourceAddDecision(
                meeting.getId(),
                new MeetingDecisionInput()
                        .description("Keputusan yang tercatat dua kali")
                        .ownerAgencyId(decision.getOwnerAgencyId())
                        .dueOn(LocalDate.of(2024, 11, 4)),
                null);
        touch(
                "decision deletion",
                () -> meetings.meetingDecisionResourceDeleteDecision(mistaken.getId(), meeting.getId(), "*"));
        touch(
                "decision follow-up",
                () -> meetings.meetingResourceFollowUp(
                        decision.getId(),
                        meeting.getId(),
                        new MeetingDecisionFollowUpInput()
                                .status(DecisionStatus.DONE)
                                .note("Diteruskan"),
                        "*",
                        null));
        // the follow-up above marked it DONE: a coordinator of the region reopens it, with a reason
        touch(
                "decision reopening",
                () -> meetings.meetingDecisionResourceReopenDecision(
                        decision.getId(),
                        meeting.getId(),
                        new MeetingDecisionReopeningInput()
                                .reason("Ditandai selesai sebelum BKN menerima temuan; tindak lanjut berjalan"),
                        null,
                        null));
        touch("neutrality list", () -> cases.neutralityResourceList(null, null, null, 10, "13", null, null));
        touch("neutrality history", () -> cases.neutralityResourceHistory(caseId, null, 10));
        touch(
                "neutrality persons",
                () -> cases.neutralityResourceAddPersons(
                        caseId,
                        new NeutralityPersonsInput()
                                .persons(List.of(new NeutralityPersonInput()
                                        .name("ASN Pariaman 16")
                                        .employer("Pemerintah Kota Pariaman")
                                        .positionCategory(PositionCategory.PELAKSANA))),
                        null));
        touch(
                "neutrality person correction",
                () -> cases.neutralityPersonResourceCorrectPerson(
                        caseId,
                        ids.get(0),
                        "*",
                        new NeutralityPersonInput()
                                .name("ASN Pariaman Satu")
                                .nip("198703122010011004")
                                .employer("Pemerintah Kota Pariaman")
                                .positionCategory(PositionCategory.PELAKSANA),
                        null));
        touch(
                "neutrality person removal",
                () -> cases.neutralityPersonResourceRemovePerson(
                        caseId,
                        cases.neutralityResourceGet(caseId).getPersons().stream()
                                .filter(x -> x.getStatus() == NeutralityStatus.DITERIMA)
                                .findFirst()
                                .orElseThrow()
                                .getId(),
                        "*",
                        new NeutralityPersonRemovalInput().reason("Tercatat dua kali pada kasus ini")));
        touch("neutrality sanction reopening", () -> {
            cases.neutralityResourceTransition(
                    caseId,
                    new NeutralityTransitionInput()
                            .personIds(List.of(ids.get(10)))
                            .to(NeutralityStatus.SANKSI_DIJATUHKAN)
                            .sanction(SanctionCategory.DISIPLIN_SEDANG)
                            .decidedOn(LocalDate.of(2024, 12, 20)),
                    null,
                    null);
            cases.neutralityResourceReopenSanction(
                    caseId,
                    new NeutralitySanctionReopeningInput()
                            .personId(ids.get(10))
                            .reason("Keputusan PPK dibatalkan oleh putusan banding administratif"),
                    null,
                    null);
        });
        NeutralityCase mistakenCase = cases.neutralityResourceCreate(
                new NeutralityCaseInput()
                        .electionType(ElectionType.PILKADA)
                        .electionYear(2024)
                        .regionCode("13.77")
                        .source(CaseSource.TEMUAN)
                        .receivedOn(LocalDate.of(2024, 10, 21))
                        .summary("Temuan yang tercatat dua kali dengan nomor register lain")
                        .violationForms(List.of("MEDIA_SOSIAL"))
                        .handlingAgencyId(bawaslu1377)
                        .persons(List.of(new NeutralityPersonInput()
                                .name("ASN Pariaman 1")
                                .employer("Pemerintah Kota Pariaman")
                                .positionCategory(PositionCategory.PELAKSANA))),
                null);
        touch("neutrality delete", () -> cases.neutralityResourceDelete(mistakenCase.getId(), "*"));
        touch(
                "neutrality replace",
                () -> cases.neutralityResourceReplace(
                        caseId,
                        "*",
                        new NeutralityCaseInput()
                                .electionType(ElectionType.PILKADA)
                                .electionYear(2024)
                                .regionCode("13.77")
                                .source(CaseSource.TEMUAN)
                                .receivedOn(LocalDate.of(2024, 10, 21))
                                .summary("Grup WhatsApp ASN Kota Pariaman mengajak mendukung pasangan calon")
                                .violationForms(List.of("MEDIA_SOSIAL"))
                                .handlingAgencyId(bawaslu1377),
                        null));
        touch("plan list", () -> plans.actionPlanResourceList(null, null, 10, "13", null, null));
        touch("plan get", () -> plans.actionPlanResourceGet(plan.getId()));
        touch("plan history", () -> plans.actionPlanResourceHistory(plan.getId(), null, 10));
        touch(
                "plan replace",
                () -> plans.actionPlanResourceReplace(
                        plan.getId(),
                        "*",
                        new ActionPlanInput()
                                .teamId(team13.getId())
                                .year(year)
                                .title("Rencana Aksi Terpadu PKS Sumatera Barat " + year)
                                .decree("188.44/9/2024"),
                        null));
        touch("plan items", () -> plans.actionPlanResourceItems(plan.getId(), null, 10, null));
        touch("plan item", () -> plans.actionPlanResourceItem(plan.getId(), item.getId()));
        touch("plan item history", () -> plans.actionPlanResourceItemHistory(plan.getId(), item.getId(), null, 10));
        touch("plan reports", () -> plans.actionPlanResourceReports(plan.getId(), null, null, 10, null, null));
        touch("plan report", () -> plans.actionPlanResourceReport(plan.getId(), report.getId()));
        touch(
                "plan report history",
                () -> plans.actionPlanResourceReportHistory(plan.getId(), report.getId(), null, 10));
        touch(
                "plan report reopening",
                () -> plans.progressReportResourceReopen(
                        plan.getId(),
                        report.getId(),
                        new ProgressReportReopeningInput()
                                .reason("Realisasi B04 ternyata menghitung rapat yang dibatalkan"),
                        null,
                        null));
        ActionPlanItem spare = plans.actionPlanResourceAddItem(
                plan.getId(),
                new ActionPlanItemInput()
                        .stage(PlanStage.PEMULIHAN)
                        .activity("Sosialisasi")
                        .indicator("Sosialisasi terlaksana")
                        .targetValue(BigDecimal.ONE)
                        .targetUnit("kali")
                        .responsibleAgencyId(kesbangpol13)
                        .startsOn(LocalDate.of(year, 2, 1))
                        .endsOn(LocalDate.of(year, 3, 1)),
                null);
        touch(
                "plan item replace",
                () -> plans.actionPlanResourceReplaceItem(
                        plan.getId(),
                        spare.getId(),
                        "*",
                        new ActionPlanItemInput()
                                .stage(PlanStage.PEMULIHAN)
                                .activity("Sosialisasi damai")
                                .indicator("Sosialisasi terlaksana")
                                .targetValue(BigDecimal.ONE)
                                .targetUnit("kali")
                                .responsibleAgencyId(kesbangpol13)
                                .startsOn(LocalDate.of(year, 2, 1))
                                .endsOn(LocalDate.of(year, 3, 1)),
                        null));
        // merge patches (application/merge-patch+json): the client leaves out every field it did not set, so only
        // those change
        String patcher = token;
        token = admin;
        touch(
                "agency patch",
                () -> agencies.agencyResourcePatch(
                        once.getId(), "*", new AgencyPatch().name("Kodim 0413/Bangka (Sungailiat, Bangka)"), null));
        touch(
                "team patch",
                () -> teams.teamResourcePatch(
                        team13.getId(), "*", new TeamPatch().decreeNumber("188.44/2/2024"), null));
        touch(
                "member patch",
                () -> teams.teamMemberResourcePatch(
                        firstId, teamId, "*", new TeamMemberPatch().position("Ketua Tim"), null));
        touch(
                "warning patch",
                () -> warnings.warningResourcePatch(second.getId(), "*", new EarlyWarningPatch().likelihood(4), null));
        touch(
                "incident patch",
                () -> incidents.incidentResourcePatch(loose.getId(), "*", new IncidentPatch().severity(3), null));
        touch(
                "meeting patch",
                () -> meetings.meetingResourcePatch(
                        meeting.getId(), "*", new MeetingPatch().place("Aula Kesbangpol Provinsi, Padang"), null));
        touch(
                "neutrality patch",
                () -> cases.neutralityResourcePatch(
                        caseId,
                        "*",
                        new NeutralityCasePatch()
                                .summary(
                                        "Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon"),
                        null));
        touch(
                "plan item patch",
                () -> plans.actionPlanResourcePatch(
                        plan.getId(),
                        spare.getId(),
                        "*",
                        new ActionPlanItemPatch().indicator("Sosialisasi damai terlaksana"),
                        null));
        token = patcher;
        ProgressReport draft = plans.actionPlanResourceAddReport(
                plan.getId(),
                spare.getId(),
                new ProgressReportInput().period(Period.B04).realisation(BigDecimal.ZERO),
                null);
        touch(
                "plan report replace",
                () -> plans.actionPlanResourceReplaceReport(
                        plan.getId(),
                        draft.getId(),
                        "*",
                        new ProgressReportInput().period(Period.B04).realisation(BigDecimal.ONE),
                        null));
        touch("plan report delete", () -> plans.actionPlanResourceDeleteReport(plan.getId(), draft.getId(), "*"));
        touch("plan item delete", () -> plans.actionPlanResourceDeleteItem(plan.getId(), spare.getId(), "*"));
        ActionPlan sparePlan = plans.actionPlanResourceCreate(
                new ActionPlanInput()
                        .teamId(teamId)
                        .year(year)
                        .title("Rencana Aksi Terpadu PKS Kepulauan Bangka Belitung " + year),
                null);
        touch("plan delete", () -> plans.actionPlanResourceDelete(sparePlan.getId(), "*"));
        ChangeFeedApi feed = new ChangeFeedApi(client);
        touch("feed latest", feed::feedResourceLatest);
        touch("feed changes", () -> feed.feedResourceChanges(null, 20, null));
        ExportsApi exports = new ExportsApi(client);
        for (String format : List.of("csv", "ndjson", "geojson")) {
            touch(
                    "export " + format,
                    () -> exports.exportResourceIncidents(
                            null, null, null, format, null, null, null, null, "19", null, null, null, null, null,
                            null));
        }
        ApiKeysApi keys = new ApiKeysApi(client);
        ApiKeyCreated apiKey = keys.apiKeyResourceCreate(
                new ApiKeyInput()
                        .agencyId(agency.get("KESBANGPOL"))
                        .name("Dasbor Babel")
                        .regionScope(List.of("19"))
                        .scopes(List.of(ApiKeyInput.ScopesEnum.READ, ApiKeyInput.ScopesEnum.FEED_READ))
                        .classification(Classification.RESTRICTED)
                        .expiresAt(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)),
                null);
        UUID keyId = apiKey.getApiKey().getId();
        check("api key created", keyId != null && apiKey.getKey() != null);
        touch("api key list", () -> keys.apiKeyResourceList(null, null, null, 10));
        touch("api key get", () -> keys.apiKeyResourceGet(keyId));
        touch("api key history", () -> keys.apiKeyResourceHistory(keyId, null, 10));
        touch(
                "api key revocation",
                () -> keys.apiKeyResourceRevoke(keyId, new ApiKeyRevocationInput().reason("Uji"), null));
        WebhooksApi hooks = new WebhooksApi(client);
        // verify/contract.sh lets the service send webhooks to a loopback address (nothing listens there: every
        // delivery fails, which gives the tour a delivery to send again); a public host would need DNS.
        String hookUrl = System.getProperty("tour.webhook", "http://127.0.0.1:9/hooks/terpadu");
        WebhookSubscription hook = hooks.webhookResourceCreate(
                new WebhookSubscriptionInput()
                        .url(java.net.URI.create(hookUrl))
                        .eventTypes(List.of("incident"))
                        .regionCode("19"),
                null);
        check("webhook subscribed", hook.getId() != null);
        touch("webhook list", () -> hooks.webhookResourceList(null, 10, null));
        touch("webhook get", () -> hooks.webhookResourceGet(hook.getId()));
        touch("webhook deliveries", () -> hooks.webhookResourceDeliveries(hook.getId(), null, 10, null));
        touch(
                "webhook enable",
                () -> hooks.webhookResourceEnable(hook.getId(), new WebhookEnableInput().reason("Uji"), null));
        UUID deliveryId = hooks.webhookResourceDeliveries(hook.getId(), null, 1, null).getItems().stream()
                .findFirst()
                .map(WebhookDelivery::getId)
                .orElse(nobody);
        touch("webhook redeliver", () -> hooks.webhookResourceRedeliver(deliveryId, hook.getId(), null, null));
        touch("webhook delete", () -> hooks.webhookResourceDelete(hook.getId(), "*"));
        PersonalDataAccessApi privacy = new PersonalDataAccessApi(client);
        touch("personal data access", () -> privacy.accessLogResourceList(null, null, null, null, null, 10, null));
        // attachments: a photo in one request, and one sent resumably (tus) in two pieces, through the same client
        AttachmentsApi files = new AttachmentsApi(client);
        AttachmentsApi sending = new AttachmentsApi(direct);
        touch("attachment limits", files::attachmentResourceLimits);
        Attachment attached = sending.attachmentResourceAttach(
                picture(1),
                "incident",
                loose.getId(),
                "FOTO",
                "Kerumunan di pasar",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        check("attachment available", attached.getStatus() == AttachmentStatus.AVAILABLE);
        touch("attachment list", () -> files.attachmentResourceList(loose.getId(), ParentType.INCIDENT, null, 10));
        touch("attachment get", () -> files.attachmentResourceGet(attached.getId()));
        touch("attachment content", () -> files.attachmentResourceContent(attached.getId(), null, null, null));
        touch("attachment thumbnail", () -> files.attachmentResourceThumbnail(attached.getId()));
        touch("attachment history", () -> files.attachmentResourceHistory(attached.getId(), null, 10));
        byte[] photo = bytes(picture(2));
        int half = photo.length / 2;
        // tus creation with the first half as its first piece, then the second half (tus-js-client's way); the
        // generated client writes a body of a custom binary type as JSON, so these pieces go as raw HTTP
        java.net.http.HttpResponse<String> created = tus(
                "POST",
                "/api/v1/uploads",
                Map.of(
                        "Upload-Length",
                        String.valueOf(photo.length),
                        "Upload-Metadata",
                        metadata(loose.getId(), "Kerumunan dari sisi lain")),
                java.util.Arrays.copyOfRange(photo, 0, half));
        check(
                "upload started at the first piece's end",
                created.statusCode() == 201
                        && created.headers()
                                .firstValue("Upload-Offset")
                                .orElse("")
                                .equals(String.valueOf(half)));
        UUID started = UUID.fromString(
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        touch("upload state", () -> files.uploadResourceAttachment(started));
        check(
                "upload last piece",
                tus(
                                        "PATCH",
                                        "/api/v1/uploads/" + started,
                                        Map.of("Upload-Offset", String.valueOf(half)),
                                        java.util.Arrays.copyOfRange(photo, half, photo.length))
                                .statusCode()
                        == 204);
        check(
                "uploaded attachment available",
                files.attachmentResourceGet(started).getStatus() == AttachmentStatus.AVAILABLE);
        java.net.http.HttpResponse<String> toAbandon = tus(
                "POST",
                "/api/v1/uploads",
                Map.of("Upload-Length", "100", "Upload-Metadata", metadata(loose.getId(), "Dibatalkan")),
                null);
        UUID abandoned = UUID.fromString(
                toAbandon.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        touch("upload abandon", () -> files.uploadResourceTerminate(abandoned, "1.0.0"));
        touch("attachment delete", () -> files.attachmentResourceDelete(attached.getId(), "*"));
        // community reports: a citizen reports through the public operations (a solved proof of work, no token
        // needed), follows the report by its tracking code, and the team of its region accepts it as a warning
        PublicReportsApi citizens = new PublicReportsApi(client);
        AltchaChallenge challenge = citizens.publicReportResourceChallenge();
        PublicReportStatus received = citizens.publicReportResourceSubmit(
                new PublicReportInput()
                        .description("Warga dua dusun bersitegang soal batas kebun; ada ancaman pembakaran pondok")
                        .regionCode("13.77")
                        .occurredAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(3))
                        .contactName("Siti Aminah")
                        .contactPhone("0819 2222 3333")
                        .altcha(solve(challenge)),
                null);
        check("community report received", received.getStatus() == PublicStatus.DITERIMA);
        // the reporter's photos, with the upload key the answer showed once: one in one request, one resumable
        String reportKey = received.getUploadKey();
        touch(
                "community report photo",
                () -> new PublicReportsApi(direct)
                        .publicUploadResourcePhoto(
                                received.getTrackingCode(), reportKey, picture(5), null, "Pondok yang diancam"));
        byte[] reportPhoto = bytes(picture(6));
        int reportHalf = reportPhoto.length / 2;
        java.net.http.HttpResponse<String> reportUpload = tus(
                "POST",
                "/api/v1/public/uploads",
                Map.of("Report-Key", reportKey, "Upload-Length", String.valueOf(reportPhoto.length)),
                java.util.Arrays.copyOfRange(reportPhoto, 0, reportHalf));
        check("community report upload started", reportUpload.statusCode() == 201);
        UUID reportUploadId = UUID.fromString(
                reportUpload.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        touch(
                "community report upload state",
                () -> citizens.publicUploadResourceHead(reportUploadId, reportKey, "1.0.0"));
        check(
                "community report upload last piece",
                tus(
                                        "PATCH",
                                        "/api/v1/public/uploads/" + reportUploadId,
                                        Map.of("Report-Key", reportKey, "Upload-Offset", String.valueOf(reportHalf)),
                                        java.util.Arrays.copyOfRange(reportPhoto, reportHalf, reportPhoto.length))
                                .statusCode()
                        == 204);
        java.net.http.HttpResponse<String> reportToAbandon =
                tus("POST", "/api/v1/public/uploads", Map.of("Report-Key", reportKey, "Upload-Length", "100"), null);
        UUID reportAbandoned = UUID.fromString(
                reportToAbandon.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        touch(
                "community report upload abandon",
                () -> citizens.publicUploadResourceTerminate(reportAbandoned, reportKey, "1.0.0"));
        check(
                "the reporter sees two photos",
                Integer.valueOf(2)
                        .equals(citizens.publicReportResourceTrack(received.getTrackingCode())
                                .getPhotos()));
        touch("community report tracked", () -> citizens.publicReportResourceTrack(received.getTrackingCode()));
        TriageQueueApi queue = new TriageQueueApi(client);
        IntakeReport queued = queue.intakeResourceList(null, 200, null, "13.77", IntakeStatus.BARU).getItems().stream()
                .filter(r -> received.getTrackingCode().equals(r.getTrackingCode()))
                .findFirst()
                .orElseThrow();
        touch("community report get", () -> queue.intakeResourceGet(queued.getId()));
        IntakeReport accepted = queue.intakeResourceTriage(
                queued.getId(),
                new TriageInput().action(TriageAction.ACCEPT_AS_WARNING).categoryCode("SENGKETA_LAHAN"),
                "\"" + queued.getVersion() + "\"",
                null);
        check(
                "community report accepted as a warning",
                accepted.getStatus() == IntakeStatus.DIVERIFIKASI && accepted.getLinkedId() != null);
        check(
                "the reporter sees it verified",
                citizens.publicReportResourceTrack(received.getTrackingCode()).getStatus()
                        == PublicStatus.DIVERIFIKASI);
        // likely duplicates of a report, an incident and a warning, among what the caller may read
        touch("community report similar", () -> queue.intakeResourceSimilar(queued.getId(), 5));
        touch("incident similar", () -> incidents.incidentResourceSimilar(incidentId, 5));
        touch("warning similar", () -> warnings.warningResourceSimilar(warning.getId(), 5));

        // accounts: the person behind a token, managed by the national administrator
        String working = token;
        token = admin;
        AccountsApi accounts = new AccountsApi(client);
        Me me = accounts.meResourceMe();
        check("me names the caller", "admin".equals(me.getSubject()));
        Account account = accounts.accountResourceCreate(
                new AccountInput()
                        .issuer(java.net.URI.create("https://terpadu.local/dev"))
                        .subject("tour.operator." + UUID.randomUUID())
                        .name("Operator Tur")
                        .agencyId(agency.get("KESBANGPOL"))
                        .roles(List.of(Role.OFFICER))
                        .regionScope(List.of("19"))
                        .language(AccountInput.LanguageEnum.ID),
                null);
        check("account created active", Boolean.TRUE.equals(account.getActive()));
        touch("account list", () -> accounts.accountResourceList(null, null, null, null, 10, null, null));
        touch("account get", () -> accounts.accountResourceGet(account.getId()));
        touch(
                "account replace",
                () -> accounts.accountResourceReplace(
                        account.getId(),
                        "\"" + account.getVersion() + "\"",
                        new AccountInput()
                                .issuer(java.net.URI.create(account.getIssuer()))
                                .subject(account.getSubject())
                                .name("Operator Tur Babel")
                                .agencyId(agency.get("KESBANGPOL"))
                                .roles(List.of(Role.OFFICER, Role.ANALYST))
                                .regionScope(List.of("19"))
                                .language(AccountInput.LanguageEnum.EN),
                        null));
        touch(
                "account deactivation",
                () -> accounts.accountResourceDeactivate(
                        account.getId(), new AccountDeactivationInput().reason("Pindah tugas"), null));
        touch("account reactivation", () -> accounts.accountResourceReactivate(account.getId(), null, null));
        touch("account history", () -> accounts.accountResourceHistory(account.getId(), null, 10));

        // notifications: the operator's own inbox and preferences, with the rights of the account
        token = mint(account.getSubject(), Role.OFFICER, "19", agency.get("KESBANGPOL"));
        NotificationsApi notifications = new NotificationsApi(client);
        NotificationSummary summary = notifications.notificationResourceSummary();
        check("a new account's inbox is empty", summary.getUnread() == 0);
        touch("inbox", () -> notifications.notificationResourceList(null, 10, null, null));
        touch(
                "inbox marked read",
                () -> notifications.notificationResourceRead(
                        new NotificationReadInput().upTo(Math.max(1, summary.getLatest())), null));
        NotificationPreferences preferences = notifications.preferenceResourceGet();
        check("preferences start at version 0", preferences.getVersion() == 0);
        NotificationPreferences saved = notifications.preferenceResourceReplace(
                "\"0\"",
                new NotificationPreferencesInput()
                        .events(List.of(new NotificationChannels()
                                .kind(NotificationKind.TASK_DUE_SOON)
                                .inbox(true)
                                .email(false)))
                        .emailDelivery(EmailDelivery.DAILY_DIGEST),
                null);
        check("preferences saved", saved.getVersion() == 1 && saved.getEmailDelivery() == EmailDelivery.DAILY_DIGEST);
        token = admin;
        token = working;

        // Deletions last
        touch("member delete", () -> teams.teamMemberResourceDelete(firstId, teamId, "*"));
        touch("meeting delete", () -> meetings.meetingResourceDelete(meeting.getId(), "*"));
        touch("incident delete", () -> incidents.incidentResourceDelete(loose.getId(), "*"));
        Team spareTeam = teams.teamResourceCreate(
                new TeamInput()
                        .level(TeamLevel.KABUPATEN_KOTA)
                        .regionCode(ownRegion)
                        .year(year)
                        .secretariatAgencyId(agency.get("KESBANGPOL")),
                null);
        touch("team delete", () -> teams.teamResourceDelete(spareTeam.getId(), "*"));
        Agency spareAgency = agencies.agencyResourceCreate(
                new AgencyInput()
                        .name("Kodim 0414/Belitung")
                        .type(AgencyType.TNI)
                        .regionCode("19"),
                null);
        // The regional risk index: the shipped model, an outside index defined and imported, the table and a trend
        RiskIndexApi risk = new RiskIndexApi(client);
        String riskCaller = token;
        token = admin;
        String month =
                java.time.YearMonth.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
        check(
                "risk index: the shipped model TERPADU is listed",
                risk.riskIndexResourceModels().getItems().stream().anyMatch(m -> "TERPADU".equals(m.getCode())));
        touch("risk model get", () -> risk.riskIndexResourceModel("TERPADU", null));
        RiskComputation computed = risk.riskIndexResourceCompute("TERPADU", new RiskComputationInput(), null);
        check(
                "risk index: TERPADU computed for this month",
                month.equals(computed.getPeriod()) && computed.getRegions() > 500);
        List<RiskBand> bands = List.of(
                new RiskBand().code("RENDAH").from(java.math.BigDecimal.ZERO),
                new RiskBand().code("TINGGI").from(java.math.BigDecimal.valueOf(60)));
        RiskModel ikp = risk.riskIndexResourceDefine(
                new RiskModelInput()
                        .code("IKPTOUR")
                        .name("Indeks Kerawanan Pemilu (uji)")
                        .method("Skor 0-100 per wilayah, diimpor sebagai CSV")
                        .kind(RiskModelKind.IMPORTED)
                        .classification(Classification.PUBLIC)
                        .indicators(List.of())
                        .bands(Map.of("KABUPATEN_KOTA", bands, "PROVINSI", bands))
                        .warningCategory("POLITIK_PEMILU"),
                null);
        RiskComputation outside = risk.riskIndexResourceImportCsv(
                "IKPTOUR", month, "kode,skor\n19,30\n19.04,45.5\n", ikp.getVersion(), null);
        check("risk index: an outside index imported", outside.getRegions() == 2 && outside.getImportId() != null);
        check(
                "risk index: the imported table shows Kabupaten Belitung",
                risk
                        .riskIndexResourceTable(
                                RiskRegionLevel.KABUPATEN_KOTA, "IKPTOUR", month, "19", ikp.getVersion())
                        .getScores()
                        .stream()
                        .anyMatch(sc -> "19.04".equals(sc.getRegionCode())));
        touch("risk history", () -> risk.riskIndexResourceHistory("19.04", "TERPADU", null));
        token = riskCaller;
        touch("agency delete", () -> agencies.agencyResourceDelete(spareAgency.getId(), "*"));
        // the demo data set loaded at the start is still complete: a second load creates nothing
        check(
                "demo data set loaded again creates nothing",
                new DevelopmentApi(client).demoDataResourceLoad(null, null).getCreated() == 0);
    }

    /** Calls an operation once; an answer outside 2xx is reported (and a 5xx fails) but the tour goes on. */
    private void touch(String what, Call call) {
        int code = statusOf(call);
        checks++;
        if (code >= 500) {
            failures.add(what + ": " + code);
        }
        System.out.println((code < 300 ? "ok   " : code < 500 ? "%d  ".formatted(code) : "FAIL ") + what);
    }

    /** A tus request to the service itself, with the caller's token; its answer is counted as covered. */
    private java.net.http.HttpResponse<String> tus(
            String method, String path, Map<String, String> headers, byte[] body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        URI.create(direct.getBaseUri() + path))
                .header("Tus-Resumable", "1.0.0")
                .timeout(Duration.ofSeconds(30));
        if (!headers.containsKey("Report-Key")) {
            // a citizen's photo goes with the report's upload key alone, no token
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/offset+octet-stream")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            java.net.http.HttpResponse<String> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            seen.add(method + " " + URI.create(direct.getBaseUri() + path).getPath());
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A picture, as a phone's camera gives one (a different one for each seed). */
    private static File picture(int seed) {
        try {
            return pictureFile(seed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static File pictureFile(int seed) throws java.io.IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(160, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 160; x++) {
            image.setRGB(x, seed, 0x336699 + seed * 4096 + x);
        }
        File file = File.createTempFile("foto-", ".png");
        file.deleteOnExit();
        javax.imageio.ImageIO.write(image, "png", file);
        return file;
    }

    private static byte[] bytes(File file) {
        try {
            return java.nio.file.Files.readAllBytes(file.toPath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bytes {@code from} to {@code to} of a file, as a piece to send. */
    private static File piece(byte[] bytes, int from, int to) {
        try {
            File file = File.createTempFile("piece-", ".bin");
            file.deleteOnExit();
            java.nio.file.Files.write(file.toPath(), java.util.Arrays.copyOfRange(bytes, from, to));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** tus metadata of a photo of an incident. */
    private static String metadata(UUID incident, String title) {
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return "parentType " + b64.encodeToString("incident".getBytes()) + ",parentId "
                + b64.encodeToString(incident.toString().getBytes()) + ",kind " + b64.encodeToString("FOTO".getBytes())
                + ",title " + b64.encodeToString(title.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ActivityInput activity(String type, UUID agencyId, String at, String description) {
        return new ActivityInput()
                .activityType(type)
                .agencyId(agencyId)
                .occurredAt(OffsetDateTime.parse(at))
                .description(description);
    }

    /**
     * Solves an ALTCHA challenge as the browser widget does: the number whose SHA-256 with the salt is the challenge,
     * sent as Base64 of the JSON payload.
     */
    private static String solve(AltchaChallenge challenge) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (long n = 0; n <= challenge.getMaxnumber(); n++) {
                String hash = java.util.HexFormat.of()
                        .formatHex(sha.digest(
                                (challenge.getSalt() + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (hash.equals(challenge.getChallenge())) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("algorithm", challenge.getAlgorithm());
                    payload.put("challenge", challenge.getChallenge());
                    payload.put("number", n);
                    payload.put("salt", challenge.getSalt());
                    payload.put("signature", challenge.getSignature());
                    return java.util.Base64.getEncoder().encodeToString(new ObjectMapper().writeValueAsBytes(payload));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the challenge has no solution up to its maxnumber");
    }

    /** Operations of openapi.yaml answered through this client; prints the missing ones. */
    private int coverage(File spec) throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(spec).get("paths");
        Map<String, Pattern> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    operations.put(
                            method + " " + path.getKey(),
                            Pattern.compile(Pattern.quote(method + " " + path.getKey())
                                    .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        for (String request : seen) {
            operations.entrySet().stream()
                    .filter(e -> e.getValue().matcher(request).matches())
                    .min((a, b) -> Long.compare(
                            a.getKey().chars().filter(c -> c == '{').count(),
                            b.getKey().chars().filter(c -> c == '{').count()))
                    .ifPresent(e -> covered.add(e.getKey()));
        }
        Set<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(covered);
        missing.forEach(m -> System.out.println("not covered: " + m));
        System.out.println("operations covered: " + covered.size() + " of " + operations.size());
        return missing.size();
    }
}

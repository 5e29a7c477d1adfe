package id.terpadu.reference;

import static id.terpadu.support.Tokens.analyst;
import static id.terpadu.support.Tokens.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Tokens;

@QuarkusTest
class ReferenceResourceTest {

    @Test
    void listsTheKinds() {
        analyst()
                .get("/api/v1/reference")
                .then()
                .statusCode(200)
                .body(
                        "items.kind",
                        hasItems(
                                "conflict-categories",
                                "handling-stages",
                                "activity-types",
                                "agency-types",
                                "team-levels",
                                "team-roles",
                                "sub-teams",
                                "region-levels"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id.terpadu")));
    }

    @Test
    void conflictCategoriesFollowUu7Of2012() {
        analyst()
                .get("/api/v1/reference/conflict-categories")
                .then()
                .statusCode(200)
                .body(
                        "items.code",
                        hasItems(
                                "POLITIK",
                                "POLITIK_PEMILU",
                                "POLITIK_PILKADA",
                                "POLITIK_PILKADES",
                                "EKONOMI",
                                "SOSIAL_BUDAYA",
                                "SARA",
                                "SARA_AGAMA",
                                "SARA_SUKU_ETNIS",
                                "BATAS_WILAYAH",
                                "SENGKETA_SDA",
                                "SENGKETA_LAHAN",
                                "DISTRIBUSI_SDA"))
                .body("items.find { it.code == 'POLITIK_PILKADA' }.parent", equalTo("POLITIK"))
                .body("items.find { it.code == 'BATAS_WILAYAH' }.legalBasis", equalTo("UU 7/2012 Ps 5 huruf c"))
                .body("items.label.id", everyItem(notNullValue()))
                .body("items.label.en", everyItem(notNullValue()));
    }

    @Test
    void emergencyActionsOfPp2Of2015AreTerminationActivities() {
        var items = analyst()
                .get("/api/v1/reference/activity-types")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> emergency = items.getList("items.findAll { it.parent == 'TINDAKAN_DARURAT' }.legalBasis");
        assertThat(emergency)
                .containsExactly(
                        "PP 2/2015 Ps 9 huruf a",
                        "PP 2/2015 Ps 9 huruf b",
                        "PP 2/2015 Ps 9 huruf c",
                        "PP 2/2015 Ps 9 huruf d",
                        "PP 2/2015 Ps 9 huruf e",
                        "PP 2/2015 Ps 9 huruf f",
                        "PP 2/2015 Ps 9 huruf g",
                        "PP 2/2015 Ps 9 huruf h",
                        "PP 2/2015 Ps 9 huruf i");
        assertThat(items.getList("items.findAll { it.parent == 'TINDAKAN_DARURAT' }.attributes.stage"))
                .containsOnly("PENGHENTIAN");
        assertThat(items.getList("items.findAll { it.parent == 'REKONSILIASI' }.code"))
                .containsExactly("PERUNDINGAN", "RESTITUSI", "PEMAAFAN");
        assertThat(items.getList("items.attributes.stage")).containsOnly("PENCEGAHAN", "PENGHENTIAN", "PEMULIHAN");
    }

    @Test
    void labelsFollowAcceptLanguage() {
        analyst()
                .header("Accept-Language", "en")
                .get("/api/v1/reference/handling-stages")
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("items.displayLabel", hasItem("Prevention"));
        analyst()
                .header("Accept-Language", "id")
                .get("/api/v1/reference/handling-stages")
                .then()
                .statusCode(200)
                .body("items.displayLabel", hasItem("Pencegahan konflik"));
    }

    /** The kinds for which the API also has an enum: its values and the reference codes must be the same. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("handling-stages", id.terpadu.actionplan.PlanStage.class),
            Map.entry("agency-types", id.terpadu.agency.AgencyType.class),
            Map.entry("team-levels", id.terpadu.team.TeamLevel.class),
            Map.entry("team-roles", id.terpadu.team.TeamRole.class),
            Map.entry("sub-teams", id.terpadu.team.SubTeam.class),
            Map.entry("region-levels", id.terpadu.common.region.RegionLevel.class),
            Map.entry("incident-stages", id.terpadu.incident.Stage.class),
            Map.entry("classifications", id.terpadu.common.security.Classification.class),
            Map.entry("source-kinds", id.terpadu.incident.SourceKind.class),
            Map.entry("party-roles", id.terpadu.incident.PartyRole.class),
            Map.entry("party-types", id.terpadu.incident.PartyType.class),
            Map.entry("vulnerable-groups", id.terpadu.incident.VulnerableGroup.class),
            Map.entry("risk-levels", id.terpadu.earlywarning.RiskLevel.class),
            Map.entry("early-warning-statuses", id.terpadu.earlywarning.WarningStatus.class),
            Map.entry("verification-states", id.terpadu.verification.Verification.class),
            Map.entry("verification-methods", id.terpadu.verification.VerificationMethod.class),
            Map.entry("conflict-status-scales", id.terpadu.conflictstatus.Scale.class),
            Map.entry("tni-tasks", id.terpadu.conflictstatus.TniTask.class),
            Map.entry("task-states", id.terpadu.task.TaskState.class),
            Map.entry("action-plan-periods", id.terpadu.actionplan.Period.class),
            Map.entry("report-statuses", id.terpadu.actionplan.ReportStatus.class),
            Map.entry("meeting-kinds", id.terpadu.meeting.MeetingKind.class),
            Map.entry("attendance", id.terpadu.meeting.Attendance.class),
            Map.entry("decision-statuses", id.terpadu.meeting.DecisionStatus.class),
            Map.entry("election-types", id.terpadu.neutrality.ElectionType.class),
            Map.entry("neutrality-sources", id.terpadu.neutrality.CaseSource.class),
            Map.entry("asn-position-categories", id.terpadu.neutrality.PositionCategory.class),
            Map.entry("neutrality-statuses", id.terpadu.neutrality.NeutralityStatus.class),
            Map.entry("neutrality-recipients", id.terpadu.neutrality.Recipient.class),
            Map.entry("sanction-categories", id.terpadu.neutrality.SanctionCategory.class),
            Map.entry("attachment-kinds", id.terpadu.attachment.AttachmentKind.class));

    @Test
    void everyEnumCodeIsReferenceDataAndBack() {
        assertThat(ReferenceKind.names()).containsAll(ENUMS.keySet());
        ENUMS.forEach((kind, type) -> {
            List<String> codes = analyst()
                    .get("/api/v1/reference/{kind}", kind)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.code");
            assertThat(codes)
                    .as(kind)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .toList());
        });
    }

    @Test
    void cachedByEtag() {
        String etag = analyst()
                .get("/api/v1/reference/team-roles")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();
        analyst()
                .header("If-None-Match", etag)
                .get("/api/v1/reference/team-roles")
                .then()
                .statusCode(304);
    }

    @Test
    void unknownKindIs404WithTheKnownOnes() {
        analyst()
                .get("/api/v1/reference/weapons")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("allowed", hasItem("activity-types"))
                // a problem document never repeats what the client sent
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("weapons")));
    }

    @Test
    void everyRoleReadsButOnlyWithAToken() {
        for (String role : List.of("ADMIN", "COORDINATOR", "OFFICER", "ANALYST", "INTEGRATION")) {
            Tokens.as("reader." + role, List.of(role), List.of())
                    .get("/api/v1/reference/team-levels")
                    .then()
                    .statusCode(200);
        }
        anonymous().get("/api/v1/reference/team-levels").then().statusCode(401);
    }
}

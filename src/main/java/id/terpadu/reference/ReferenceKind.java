package id.terpadu.reference;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.agency.AgencyType;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.team.SubTeam;
import id.terpadu.team.TeamLevel;
import id.terpadu.team.TeamRole;

/** The kinds of reference data; where the API has an enum for a kind, the enum is named so a test can check both. */
@Schema(name = "ReferenceKind")
public record ReferenceKind(@Schema(example = "activity-types") String kind,
        @Schema(example = "Activity types of each handling stage") String description,
        @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore Class<? extends Enum<?>> backingEnum) {

    public static final List<ReferenceKind> ALL = List.of(
            new ReferenceKind("conflict-categories", "Sources of conflict (UU 7/2012 Ps 5), hierarchical", null),
            new ReferenceKind("handling-stages", "The three statutory stages of handling a conflict",
                    id.terpadu.actionplan.PlanStage.class),
            new ReferenceKind("activity-types", "Activity types of each handling stage (attributes.stage)", null),
            new ReferenceKind("agency-types", "Types of member agency", AgencyType.class),
            new ReferenceKind("team-levels", "Levels of the Tim Terpadu", TeamLevel.class),
            new ReferenceKind("team-roles", "Roles within a team", TeamRole.class),
            new ReferenceKind("sub-teams", "Sub-teams of a team", SubTeam.class),
            new ReferenceKind("region-levels", "Levels of the Kemendagri region code list", RegionLevel.class),
            new ReferenceKind("incident-stages", "Stages of an incident's handling, SELESAI when closed",
                    id.terpadu.incident.Stage.class),
            new ReferenceKind("classifications", "Who may see a record", id.terpadu.common.security.Classification.class),
            new ReferenceKind("source-kinds", "How an incident became known", id.terpadu.incident.SourceKind.class),
            new ReferenceKind("party-roles", "Roles of the parties to an incident", id.terpadu.incident.PartyRole.class),
            new ReferenceKind("party-types", "Kinds of party to an incident", id.terpadu.incident.PartyType.class),
            new ReferenceKind("vulnerable-groups", "Vulnerable groups affected", id.terpadu.incident.VulnerableGroup.class),
            new ReferenceKind("geo-precisions", "How precise an incident's place is (ACLED-style 1–3)", null),
            new ReferenceKind("time-precisions", "How precise an incident's time is (ACLED-style 1–3)", null),
            new ReferenceKind("risk-levels", "Risk level of an early warning from likelihood × impact (attributes: "
                    + "minScore, maxScore)", id.terpadu.warning.RiskLevel.class),
            new ReferenceKind("early-warning-statuses", "Statuses of an early warning", id.terpadu.warning.WarningStatus.class),
            new ReferenceKind("conflict-status-scales", "Scales of a conflict status", id.terpadu.status.Scale.class),
            new ReferenceKind("tni-tasks", "Tasks of TNI assistance under a conflict status", id.terpadu.status.TniTask.class),
            new ReferenceKind("task-states", "States of a task given to an agency", id.terpadu.incident.TaskState.class),
            new ReferenceKind("action-plan-periods", "Four-monthly reporting periods of a Rencana Aksi Terpadu "
                    + "(attributes: startMonth, endMonth)", id.terpadu.actionplan.Period.class),
            new ReferenceKind("report-statuses", "Review statuses of a progress report", id.terpadu.actionplan.ReportStatus.class),
            new ReferenceKind("meeting-kinds", "Kinds of coordination meeting", id.terpadu.meeting.MeetingKind.class),
            new ReferenceKind("attendance", "Attendance at a meeting", id.terpadu.meeting.Attendance.class),
            new ReferenceKind("decision-statuses", "Follow-up statuses of a meeting decision",
                    id.terpadu.meeting.DecisionStatus.class),
            new ReferenceKind("election-types", "Kinds of election", id.terpadu.neutrality.ElectionType.class),
            new ReferenceKind("neutrality-sources", "How a neutrality case reached the election supervisor",
                    id.terpadu.neutrality.CaseSource.class),
            new ReferenceKind("asn-position-categories", "Position categories of civil servants",
                    id.terpadu.neutrality.PositionCategory.class),
            new ReferenceKind("asn-violation-forms", "Forms of ASN neutrality violation (SKB 2022)", null),
            new ReferenceKind("neutrality-statuses", "Handling statuses of a civil servant in a neutrality case",
                    id.terpadu.neutrality.NeutralityStatus.class),
            new ReferenceKind("neutrality-recipients", "Bodies a neutrality recommendation goes to (attributes: from, "
                    + "until — the days a body receives them)", id.terpadu.neutrality.Recipient.class),
            new ReferenceKind("sanction-categories", "Sanctions for a neutrality violation",
                    id.terpadu.neutrality.SanctionCategory.class));

    public static boolean exists(String kind) {
        return ALL.stream().anyMatch(k -> k.kind.equals(kind));
    }

    public static List<String> names() {
        return ALL.stream().map(ReferenceKind::kind).toList();
    }

    public List<String> enumCodes() {
        return backingEnum == null ? List.of()
                : Arrays.stream(backingEnum.getEnumConstants()).map(Enum::name).toList();
    }
}

package id.terpadu.reference;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The kinds of reference data. The codes of a kind live in the database (migrations); where the API also has an enum
 * for a kind, ReferenceResourceTest compares the two, so that this table names no feature's types.
 */
@Schema(name = "ReferenceKind")
public record ReferenceKind(
        @Schema(example = "activity-types") String kind,

        @Schema(example = "Activity types of each handling stage")
        String description) {

    public static final List<ReferenceKind> ALL = List.of(
            new ReferenceKind("conflict-categories", "Sources of conflict (UU 7/2012 Ps 5), hierarchical"),
            new ReferenceKind("handling-stages", "The three statutory stages of handling a conflict"),
            new ReferenceKind("activity-types", "Activity types of each handling stage (attributes.stage)"),
            new ReferenceKind("agency-types", "Types of member agency"),
            new ReferenceKind("team-levels", "Levels of the Tim Terpadu"),
            new ReferenceKind("team-roles", "Roles within a team"),
            new ReferenceKind("sub-teams", "Sub-teams of a team"),
            new ReferenceKind("region-levels", "Levels of the Kemendagri region code list"),
            new ReferenceKind("incident-stages", "Stages of an incident's handling, SELESAI when closed"),
            new ReferenceKind("classifications", "Who may see a record"),
            new ReferenceKind(
                    "source-kinds",
                    "How an incident or early warning became known (attributes: startsVerified — whether a "
                            + "report from this source starts TERVERIFIKASI)"),
            new ReferenceKind("party-roles", "Roles of the parties to an incident"),
            new ReferenceKind("party-types", "Kinds of party to an incident"),
            new ReferenceKind("vulnerable-groups", "Vulnerable groups affected"),
            new ReferenceKind("geo-precisions", "How precise an incident's place is (ACLED-style 1–3)"),
            new ReferenceKind("time-precisions", "How precise an incident's time is (ACLED-style 1–3)"),
            new ReferenceKind(
                    "risk-levels",
                    "Risk level of an early warning from likelihood × impact (attributes: " + "minScore, maxScore)"),
            new ReferenceKind("early-warning-statuses", "Statuses of an early warning"),
            new ReferenceKind("verification-states", "Verification states of an early warning or incident"),
            new ReferenceKind("verification-methods", "How an early warning or incident was verified"),
            new ReferenceKind("conflict-status-scales", "Scales of a conflict status"),
            new ReferenceKind("tni-tasks", "Tasks of TNI assistance under a conflict status"),
            new ReferenceKind("task-states", "States of a task given to an agency"),
            new ReferenceKind(
                    "action-plan-periods",
                    "Four-monthly reporting periods of a Rencana Aksi Terpadu " + "(attributes: startMonth, endMonth)"),
            new ReferenceKind("report-statuses", "Review statuses of a progress report"),
            new ReferenceKind("meeting-kinds", "Kinds of coordination meeting"),
            new ReferenceKind("attendance", "Attendance at a meeting"),
            new ReferenceKind("decision-statuses", "Follow-up statuses of a meeting decision"),
            new ReferenceKind("election-types", "Kinds of election"),
            new ReferenceKind("neutrality-sources", "How a neutrality case reached the election supervisor"),
            new ReferenceKind("asn-position-categories", "Position categories of civil servants"),
            new ReferenceKind("asn-violation-forms", "Forms of ASN neutrality violation (SKB 2022)"),
            new ReferenceKind("neutrality-statuses", "Handling statuses of a civil servant in a neutrality case"),
            new ReferenceKind(
                    "neutrality-recipients",
                    "Bodies a neutrality recommendation goes to (attributes: from, "
                            + "until — the days a body receives them)"),
            new ReferenceKind("sanction-categories", "Sanctions for a neutrality violation"),
            new ReferenceKind("attachment-kinds", "Kinds of attachment, each with the media types it takes"));

    public static boolean exists(String kind) {
        return ALL.stream().anyMatch(k -> k.kind.equals(kind));
    }

    public static List<String> names() {
        return ALL.stream().map(ReferenceKind::kind).toList();
    }
}

package id.terpadu.attachment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.actionplan.ActionPlanRepository;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Role;
import id.terpadu.conflictstatus.ConflictStatusRepository;
import id.terpadu.earlywarning.WarningRepository;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.intake.IntakeRepository;
import id.terpadu.meeting.MeetingRepository;
import id.terpadu.neutrality.NeutralityRepository;
import id.terpadu.team.TeamRepository;

/**
 * The record an attachment belongs to, found through that record's own repository, so that an attachment is seen
 * by exactly those who see its record (region scope and classification) and added by those who may write it. A
 * parent that does not exist or that the caller may not see is a 404 with the parent's own message; named in a
 * request body it becomes a 400 naming {@code parentId}. A community report's photos are seen by those who triage
 * it (ADMIN, COORDINATOR, OFFICER of the queue's region, as the report itself) and are at least RESTRICTED.
 */
@ApplicationScoped
class AttachmentParents {

    /** What an attachment takes from its record: where it lies and the least classification it may have. */
    record Parent(ParentType type, UUID id, String regionCode, Classification classification) {}

    private final IncidentRepository incidents;
    private final WarningRepository warnings;
    private final MeetingRepository meetings;
    private final TeamRepository teams;
    private final ConflictStatusRepository statuses;
    private final ActionPlanRepository plans;
    private final NeutralityRepository cases;
    private final IntakeRepository reports;
    private final Caller caller;

    AttachmentParents(
            IncidentRepository incidents,
            WarningRepository warnings,
            MeetingRepository meetings,
            TeamRepository teams,
            ConflictStatusRepository statuses,
            ActionPlanRepository plans,
            NeutralityRepository cases,
            IntakeRepository reports,
            Caller caller) {
        this.incidents = incidents;
        this.warnings = warnings;
        this.meetings = meetings;
        this.teams = teams;
        this.statuses = statuses;
        this.plans = plans;
        this.cases = cases;
        this.reports = reports;
        this.caller = caller;
    }

    /** The parent if the caller may see it; 404 otherwise. */
    Parent visible(ParentType type, UUID id) {
        return switch (type) {
            case INCIDENT -> of(type, id, incidents, incidents.visible(id));
            case EARLY_WARNING -> of(type, id, warnings, warnings.visible(id));
            case INCIDENT_ACTIVITY -> of(type, id, incidents, incidents.incidentOfActivity(id));
            case MEETING -> of(type, id, meetings, meetings.visible(id));
            case TEAM -> of(type, id, teams, teams.visible(id));
            case CONFLICT_STATUS -> of(type, id, statuses, statuses.visible(id));
            case ACTION_PLAN_REPORT -> of(type, id, plans, plans.planOfReport(id));
            case NEUTRALITY_CASE -> of(type, id, cases, cases.visible(id));
            case INTAKE_REPORT -> report(id);
        };
    }

    /** A community report, for those who triage it; its photos are never PUBLIC. */
    private Parent report(UUID id) {
        if (!(caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_) || caller.hasRole(Role.OFFICER_))) {
            throw ProblemException.notFound(Message.of("intake.not-found", "id", id));
        }
        var report = reports.visible(id);
        return new Parent(ParentType.INTAKE_REPORT, id, reports.regionOf(report), Classification.RESTRICTED);
    }

    /** The parent if the caller may see it and its region scope may write the parent's region; 404 or 403 otherwise. */
    Parent writable(ParentType type, UUID id) {
        Parent parent = visible(type, id);
        switch (type) {
            case INCIDENT_ACTIVITY -> incidents.writable(incidents.incidentOfActivity(id).id);
            case ACTION_PLAN_REPORT -> plans.writable(plans.planOfReport(id).id);
            default -> repository(type).writable(id);
        }
        return parent;
    }

    /** The parent of an attachment the caller already sees; 404 naming the attachment if the parent is now hidden. */
    Parent of(Attachment attachment) {
        try {
            return visible(attachment.parentType, attachment.parentId);
        } catch (ProblemException e) {
            throw ProblemException.notFound(Message.of("attachment.not-found", "id", attachment.id));
        }
    }

    private ScopedRepository<?> repository(ParentType type) {
        return switch (type) {
            case INCIDENT, INCIDENT_ACTIVITY -> incidents;
            case EARLY_WARNING -> warnings;
            case MEETING -> meetings;
            case TEAM -> teams;
            case CONFLICT_STATUS -> statuses;
            case ACTION_PLAN_REPORT -> plans;
            case NEUTRALITY_CASE -> cases;
            case INTAKE_REPORT -> reports;
        };
    }

    private static <E> Parent of(ParentType type, UUID id, ScopedRepository<E> repository, E record) {
        return new Parent(type, id, repository.regionOf(record), repository.classificationOf(record));
    }
}

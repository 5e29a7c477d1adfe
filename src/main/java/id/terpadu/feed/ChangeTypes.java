package id.terpadu.feed;

import java.util.List;
import java.util.Set;

import id.terpadu.actionplan.ActionPlanService;
import id.terpadu.agency.AgencyService;
import id.terpadu.incident.IncidentService;
import id.terpadu.incident.TaskService;
import id.terpadu.meeting.MeetingService;
import id.terpadu.neutrality.NeutralityService;
import id.terpadu.status.ConflictStatusService;
import id.terpadu.team.TeamService;
import id.terpadu.warning.WarningService;

/**
 * The record types whose changes are published, in the change feed and to webhooks: the change-log entity types of
 * the API's records, named by the services that write them. The one list; a new kind of record joins the feed and the
 * webhooks by being added here. (API keys and region imports are not published.)
 */
public final class ChangeTypes {

    public static final List<String> TYPES = List.of(
            AgencyService.ENTITY,
            TeamService.ENTITY,
            TeamService.MEMBER_ENTITY,
            WarningService.ENTITY,
            IncidentService.ENTITY,
            IncidentService.ACTIVITY_ENTITY,
            TaskService.ENTITY,
            ConflictStatusService.ENTITY,
            ConflictStatusService.TNI_ENTITY,
            ActionPlanService.ENTITY,
            ActionPlanService.ITEM_ENTITY,
            ActionPlanService.REPORT_ENTITY,
            MeetingService.ENTITY,
            MeetingService.DECISION_ENTITY,
            NeutralityService.ENTITY);

    /**
     * Types whose records take the classification of their incident, which their snapshot does not carry: the feed
     * reads it from the incident; the webhook queue cannot, so only a subscription cleared for CONFIDENTIAL may
     * receive them.
     */
    public static final Set<String> INHERIT_CLASSIFICATION = Set.of(IncidentService.ACTIVITY_ENTITY, TaskService.ENTITY);

    private ChangeTypes() {
    }
}

package id.terpadu.webhook;

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
 * The event types a subscription may ask for: the change-log entity types of the API's records, named by the
 * services that write them. The one list; a new kind of record joins the webhooks by being added here.
 */
public final class WebhookEvents {

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
     * Types whose records take the classification of their incident, which their snapshot does not carry: the
     * queue would take them for PUBLIC, so only a subscription cleared for CONFIDENTIAL may receive them.
     */
    public static final Set<String> INHERIT_CLASSIFICATION = Set.of(IncidentService.ACTIVITY_ENTITY, TaskService.ENTITY);

    private WebhookEvents() {
    }
}

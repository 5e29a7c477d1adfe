package id.terpadu.dev;

import static id.terpadu.dev.DemoIds.*;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Gives every id in a path an example that names a record of the demo data set ({@link DemoData}), so that Swagger
 * UI's <em>Try it out</em> works without typing an id. Operations that use a record up (deletes, stage moves,
 * escalation, revocation, enabling) name a record kept for them, so that the others stay usable in any order.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DemoExamples implements OASFilter {

    /** A rule: the operation {@code "METHOD path"} (every operation when empty) gives {@code parameter} this example. */
    record Rule(String operation, String parameter, String example) {}

    /** The first matching rule wins: the particular ones come first. */
    static final List<Rule> RULES = List.of(
            new Rule("DELETE /api/v1/action-plans/{id}/items/{itemId}", "itemId", ITEM_TO_DELETE),
            new Rule("POST /api/v1/action-plans/{id}/items/{itemId}/reports", "itemId", ITEM_WITHOUT_REPORTS),
            new Rule("DELETE /api/v1/action-plans/{id}/reports/{reportId}", "reportId", REPORT_TO_DELETE),
            new Rule("DELETE /api/v1/action-plans/{id}", "id", PLAN_TO_DELETE),
            new Rule("POST /api/v1/accounts/{id}/deactivation", "id", ACCOUNT_TO_DEACTIVATE),
            new Rule("POST /api/v1/accounts/{id}/reactivation", "id", ACCOUNT_TO_DEACTIVATE),
            new Rule("DELETE /api/v1/agencies/{id}", "id", AGENCY_TO_DELETE),
            new Rule("POST /api/v1/conflict-statuses/{id}/revocation", "id", STATUS_TO_REVOKE),
            new Rule(
                    "POST /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}/ending",
                    "assistanceId",
                    TNI_TO_END),
            new Rule("POST /api/v1/early-warnings/{id}/escalate", "id", WARNING_TO_ESCALATE),
            new Rule("POST /api/v1/early-warnings/{id}/verification", "id", WARNING_TO_VERIFY),
            new Rule("DELETE /api/v1/incidents/{id}", "id", INCIDENT_TO_DELETE),
            new Rule("DELETE /api/v1/early-warnings/{id}", "id", WARNING_TO_DELETE),
            new Rule("GET /api/v1/early-warnings/{id}/tasks/{taskId}", "taskId", WARNING_TASK),
            new Rule("PUT /api/v1/early-warnings/{id}/tasks/{taskId}", "taskId", WARNING_TASK),
            new Rule("POST /api/v1/early-warnings/{id}/tasks/{taskId}/transitions", "taskId", WARNING_TASK),
            new Rule("POST /api/v1/intake/{id}/triage", "id", INTAKE_TO_TRIAGE),
            new Rule("POST /api/v1/incidents/{id}/stage-transitions", "id", INCIDENT_IN_PENCEGAHAN),
            // closed by the examples of the stage transitions just before
            new Rule("POST /api/v1/incidents/{id}/stage-transitions/reopening", "id", INCIDENT_IN_PENCEGAHAN),
            new Rule("POST /api/v1/incidents/{id}/verification", "id", INCIDENT_TO_VERIFY),
            new Rule("DELETE /api/v1/meetings/{id}", "id", MEETING_TO_DELETE),
            new Rule("DELETE /api/v1/meetings/{id}/decisions/{decisionId}", "decisionId", DECISION_TO_DELETE),
            new Rule(
                    "POST /api/v1/meetings/{id}/decisions/{decisionId}/follow-ups/reopening",
                    "decisionId",
                    DECISION_DONE),
            new Rule("DELETE /api/v1/teams/{id}", "id", TEAM_TO_DELETE),
            new Rule("PUT /api/v1/neutrality-cases/{id}/persons/{personId}", "id", CASE_TO_CORRECT),
            new Rule("PUT /api/v1/neutrality-cases/{id}/persons/{personId}", "personId", PERSON_TO_CORRECT),
            new Rule("DELETE /api/v1/neutrality-cases/{id}/persons/{personId}", "id", CASE_WITH_MISTAKE),
            new Rule("DELETE /api/v1/neutrality-cases/{id}/persons/{personId}", "personId", PERSON_BY_MISTAKE),
            new Rule("DELETE /api/v1/neutrality-cases/{id}", "id", CASE_TO_DELETE),
            // sanctioned by the examples of the transitions just before; a report verified by theirs
            new Rule("POST /api/v1/neutrality-cases/{id}/transitions/reopening", "id", CASE),
            new Rule("DELETE /api/v1/teams/{teamId}/members/{memberId}", "memberId", MEMBER_TO_DELETE),
            new Rule("DELETE /api/v1/webhooks/{id}", "id", WEBHOOK_TO_DELETE),
            new Rule("POST /api/v1/webhooks/{id}/enable", "id", WEBHOOK_DISABLED),
            new Rule("", "assistanceId", TNI),
            new Rule("", "itemId", ITEM),
            new Rule("", "reportId", REPORT),
            new Rule("", "activityId", ACTIVITY),
            new Rule("", "taskId", TASK),
            new Rule("", "decisionId", DECISION),
            new Rule("", "memberId", MEMBER),
            new Rule("", "teamId", TEAM),
            new Rule("", "deliveryId", DELIVERY));

    /** The record of each collection, for its {@code {id}}. */
    static final Map<String, String> COLLECTIONS = Map.ofEntries(
            Map.entry("/api/v1/accounts/", ACCOUNT),
            Map.entry("/api/v1/action-plans/", PLAN),
            Map.entry("/api/v1/agencies/", POLRES_PARIAMAN),
            Map.entry("/api/v1/api-keys/", API_KEY),
            Map.entry("/api/v1/conflict-statuses/", STATUS),
            Map.entry("/api/v1/early-warnings/", WARNING),
            Map.entry("/api/v1/incidents/", INCIDENT),
            Map.entry("/api/v1/intake/", INTAKE),
            Map.entry("/api/v1/meetings/", MEETING),
            Map.entry("/api/v1/neutrality-cases/", CASE),
            Map.entry("/api/v1/teams/", TEAM),
            Map.entry("/api/v1/webhooks/", WEBHOOK));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                List<Parameter> parameters = entry.getValue().getParameters();
                if (parameters == null) {
                    continue;
                }
                for (Parameter parameter : parameters) {
                    if (parameter.getIn() == Parameter.In.PATH && parameter.getExample() == null) {
                        String example = example(entry.getKey() + " " + path, path, parameter.getName());
                        if (example != null) {
                            parameter.setExample(example);
                        }
                    }
                }
            }
        });
    }

    static String example(String operation, String path, String parameter) {
        for (Rule rule : RULES) {
            if ((rule.operation().isEmpty() || rule.operation().equals(operation))
                    && rule.parameter().equals(parameter)) {
                return rule.example();
            }
        }
        if (parameter.equals("id")) {
            for (Map.Entry<String, String> collection : COLLECTIONS.entrySet()) {
                if (path.startsWith(collection.getKey())) {
                    return collection.getValue();
                }
            }
        }
        return null;
    }
}

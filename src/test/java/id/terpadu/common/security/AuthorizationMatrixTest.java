package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.common.security.AuthorizationSweepTest.Operation;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.Fixtures;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;
import id.terpadu.support.fuzz.OpenApi;

/**
 * The authorization matrix (OWASP API1, API3, API5): one row per operation of the served OpenAPI document, one
 * column per kind of caller. A test fails when an operation has no row or a row no operation; every cell is then
 * tried: a refused cell is a 403 problem with nothing written, an allowed one gets past authorization (any answer but
 * 401/403). Then every {@code {id}} route, pointed at a real record of another region, answers 404 and writes nothing.
 */
@QuarkusTest
public class AuthorizationMatrixTest {

    /** The callers of the columns, in order. KEY holds every scope an API key can have; KEY_READ only {@code read}. */
    enum Column {
        ADMIN,
        COORDINATOR,
        OFFICER,
        ANALYST,
        INTEGRATION,
        KEY,
        KEY_READ
    }

    /**
     * Who may call what. {@code x} allowed, {@code -} refused with 403. Region scope and classification narrow an
     * allowed cell further (404 outside the scope, see below); the API key columns follow the key's scopes
     * (ApiKeyScopeFilter).
     */
    static final String MATRIX = """
                                                                           ADM COO OFF ANA INT KEY KRD
            GET    /api/v1/accounts                                         x   x   -   -   -   -   -
            POST   /api/v1/accounts                                         x   x   -   -   -   -   -
            PUT    /api/v1/accounts/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/accounts/{id}                                    x   x   -   -   -   -   -
            POST   /api/v1/accounts/{id}/deactivation                       x   x   -   -   -   -   -
            GET    /api/v1/accounts/{id}/history                            x   x   -   -   -   -   -
            POST   /api/v1/accounts/{id}/reactivation                       x   x   -   -   -   -   -
            GET    /api/v1/action-plans                                     x   x   x   x   x   x   x
            POST   /api/v1/action-plans                                     x   x   -   -   -   -   -
            GET    /api/v1/action-plans/recap                               x   x   x   x   x   x   x
            PUT    /api/v1/action-plans/{id}                                x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}                                x   x   x   x   x   x   x
            DELETE /api/v1/action-plans/{id}                                x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}/achievement                    x   x   x   x   x   x   x
            GET    /api/v1/action-plans/{id}/history                        x   x   x   x   x   x   x
            GET    /api/v1/action-plans/{id}/items                          x   x   x   x   x   x   x
            POST   /api/v1/action-plans/{id}/items                          x   x   -   -   -   -   -
            PUT    /api/v1/action-plans/{id}/items/{itemId}                 x   x   -   -   -   -   -
            PATCH  /api/v1/action-plans/{id}/items/{itemId}                 x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}/items/{itemId}                 x   x   x   x   x   x   x
            DELETE /api/v1/action-plans/{id}/items/{itemId}                 x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}/items/{itemId}/history         x   x   x   x   x   x   x
            POST   /api/v1/action-plans/{id}/items/{itemId}/reports         x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}/reports                        x   x   x   x   x   x   x
            GET    /api/v1/action-plans/{id}/reports/{reportId}             x   x   x   x   x   x   x
            PUT    /api/v1/action-plans/{id}/reports/{reportId}             x   x   -   -   -   -   -
            DELETE /api/v1/action-plans/{id}/reports/{reportId}             x   x   -   -   -   -   -
            GET    /api/v1/action-plans/{id}/reports/{reportId}/history     x   x   x   x   x   x   x
            POST   /api/v1/action-plans/{id}/reports/{reportId}/transitions x   x   -   -   -   -   -
            POST   /api/v1/action-plans/{id}/reports/{reportId}/transitions/reopening x   x   -   -   -   -   -
            GET    /api/v1/agencies                                         x   x   x   x   x   x   x
            POST   /api/v1/agencies                                         x   x   -   -   -   -   -
            PUT    /api/v1/agencies/{id}                                    x   x   -   -   -   -   -
            PATCH  /api/v1/agencies/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/agencies/{id}                                    x   x   x   x   x   x   x
            DELETE /api/v1/agencies/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/agencies/{id}/history                            x   x   x   x   x   x   x
            GET    /api/v1/alerts.atom                                      x   x   x   x   x   x   x
            GET    /api/v1/api-keys                                         x   x   -   -   -   -   -
            POST   /api/v1/api-keys                                         x   x   -   -   -   -   -
            GET    /api/v1/api-keys/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/api-keys/{id}/history                            x   x   -   -   -   -   -
            POST   /api/v1/api-keys/{id}/revocation                         x   x   -   -   -   -   -
            GET    /api/v1/attachments                                      x   x   x   x   x   x   x
            POST   /api/v1/attachments                                      x   x   x   -   -   -   -
            GET    /api/v1/attachments/limits                               x   x   x   x   x   x   x
            GET    /api/v1/attachments/{id}                                 x   x   x   x   x   x   x
            DELETE /api/v1/attachments/{id}                                 x   x   x   -   -   -   -
            GET    /api/v1/attachments/{id}/content                         x   x   x   x   x   x   x
            GET    /api/v1/attachments/{id}/history                         x   x   x   x   x   x   x
            GET    /api/v1/attachments/{id}/thumbnail                       x   x   x   x   x   x   x
            GET    /api/v1/conflict-statuses                                x   x   x   x   x   x   x
            POST   /api/v1/conflict-statuses                                x   x   -   -   -   -   -
            GET    /api/v1/conflict-statuses/{id}                           x   x   x   x   x   x   x
            PUT    /api/v1/conflict-statuses/{id}                           x   x   -   -   -   -   -
            POST   /api/v1/conflict-statuses/{id}/extensions                x   x   -   -   -   -   -
            GET    /api/v1/conflict-statuses/{id}/history                   x   x   x   x   x   x   x
            POST   /api/v1/conflict-statuses/{id}/revocation                x   x   -   -   -   -   -
            GET    /api/v1/conflict-statuses/{id}/tni-assistance            x   x   x   x   x   x   x
            POST   /api/v1/conflict-statuses/{id}/tni-assistance            x   x   -   -   -   -   -
            GET    /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId} x x x x x x x
            PUT    /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId} x x - - - - -
            POST   /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}/ending x x - - - - -
            POST   /api/v1/dev/demo-data                                    x   x   x   x   x   x   x
            POST   /api/v1/dev/tokens                                       x   x   x   x   x   x   x
            GET    /api/v1/early-warnings                                   x   x   x   x   x   x   x
            POST   /api/v1/early-warnings                                   x   x   x   -   -   -   -
            PUT    /api/v1/early-warnings/{id}                              x   x   x   -   -   -   -
            PATCH  /api/v1/early-warnings/{id}                              x   x   x   -   -   -   -
            DELETE /api/v1/early-warnings/{id}                              x   x   -   -   -   -   -
            GET    /api/v1/early-warnings/{id}                              x   x   x   x   x   x   x
            POST   /api/v1/early-warnings/{id}/escalate                     x   x   -   -   -   -   -
            GET    /api/v1/early-warnings/{id}/history                      x   x   x   x   x   x   x
            GET    /api/v1/early-warnings/{id}/similar                      x   x   x   x   x   x   x
            POST   /api/v1/early-warnings/{id}/verification                 x   x   x   -   -   -   -
            GET    /api/v1/early-warnings/{id}/tasks                        x   x   x   x   x   x   x
            POST   /api/v1/early-warnings/{id}/tasks                        x   x   -   -   -   -   -
            GET    /api/v1/early-warnings/{id}/tasks/{taskId}               x   x   x   x   x   x   x
            PUT    /api/v1/early-warnings/{id}/tasks/{taskId}               x   x   -   -   -   -   -
            POST   /api/v1/early-warnings/{id}/tasks/{taskId}/transitions   x   x   x   -   -   -   -
            GET    /api/v1/exports/incidents                                x   x   -   x   x   x   -
            GET    /api/v1/feed/changes                                     x   x   x   x   x   x   -
            GET    /api/v1/feed/changes/latest                              x   x   x   x   x   x   -
            GET    /api/v1/incidents                                        x   x   x   x   x   x   x
            POST   /api/v1/incidents                                        x   x   x   -   -   x   -
            PUT    /api/v1/incidents/{id}                                   x   x   x   -   -   x   -
            PATCH  /api/v1/incidents/{id}                                   x   x   x   -   -   x   -
            GET    /api/v1/incidents/{id}                                   x   x   x   x   x   x   x
            DELETE /api/v1/incidents/{id}                                   x   x   -   -   -   -   -
            POST   /api/v1/incidents/{id}/activities                        x   x   x   -   -   x   -
            GET    /api/v1/incidents/{id}/activities                        x   x   x   x   x   x   x
            GET    /api/v1/incidents/{id}/activities/{activityId}           x   x   x   x   x   x   x
            PUT    /api/v1/incidents/{id}/activities/{activityId}           x   x   x   -   -   -   -
            GET    /api/v1/incidents/{id}/history                           x   x   x   x   x   x   x
            GET    /api/v1/incidents/{id}/links                             x   x   x   x   x   x   x
            GET    /api/v1/incidents/{id}/similar                           x   x   x   x   x   x   x
            GET    /api/v1/incidents/{id}/stage-transitions                 x   x   x   x   x   x   x
            POST   /api/v1/incidents/{id}/stage-transitions                 x   x   -   -   -   -   -
            POST   /api/v1/incidents/{id}/stage-transitions/reopening       x   x   -   -   -   -   -
            GET    /api/v1/incidents/{id}/tasks                             x   x   x   x   x   x   x
            POST   /api/v1/incidents/{id}/tasks                             x   x   -   -   -   -   -
            GET    /api/v1/incidents/{id}/tasks/{taskId}                    x   x   x   x   x   x   x
            PUT    /api/v1/incidents/{id}/tasks/{taskId}                    x   x   -   -   -   -   -
            POST   /api/v1/incidents/{id}/tasks/{taskId}/transitions        x   x   x   -   -   -   -
            POST   /api/v1/incidents/{id}/verification                      x   x   x   -   -   -   -
            GET    /api/v1/intake                                           x   x   x   -   -   -   -
            GET    /api/v1/intake/{id}                                      x   x   x   -   -   -   -
            GET    /api/v1/intake/{id}/similar                              x   x   x   -   -   -   -
            POST   /api/v1/intake/{id}/triage                               x   x   x   -   -   -   -
            GET    /api/v1/meeting-decisions                                x   x   x   x   x   x   x
            GET    /api/v1/meetings                                         x   x   x   x   x   x   x
            POST   /api/v1/meetings                                         x   x   -   -   -   -   -
            PUT    /api/v1/meetings/{id}                                    x   x   -   -   -   -   -
            PATCH  /api/v1/meetings/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/meetings/{id}                                    x   x   x   x   x   x   x
            DELETE /api/v1/meetings/{id}                                    x   x   -   -   -   -   -
            POST   /api/v1/meetings/{id}/decisions                          x   x   -   -   -   -   -
            GET    /api/v1/meetings/{id}/decisions/{decisionId}             x   x   x   x   x   x   x
            PUT    /api/v1/meetings/{id}/decisions/{decisionId}             x   x   -   -   -   -   -
            DELETE /api/v1/meetings/{id}/decisions/{decisionId}             x   x   -   -   -   -   -
            POST   /api/v1/meetings/{id}/decisions/{decisionId}/follow-ups  x   x   x   -   -   -   -
            POST   /api/v1/meetings/{id}/decisions/{decisionId}/follow-ups/reopening x   x   -   -   -   -   -
            GET    /api/v1/meetings/{id}/decisions/{decisionId}/history     x   x   x   x   x   x   x
            GET    /api/v1/meetings/{id}/history                            x   x   x   x   x   x   x
            GET    /api/v1/me                                               x   x   x   x   x   x   x
            GET    /api/v1/me/notification-preferences                      x   x   x   x   -   -   -
            PUT    /api/v1/me/notification-preferences                      x   x   x   x   -   -   -
            GET    /api/v1/me/notifications                                 x   x   x   x   -   -   -
            POST   /api/v1/me/notifications/read                            x   x   x   x   -   -   -
            GET    /api/v1/me/notifications/summary                         x   x   x   x   -   -   -
            GET    /api/v1/neutrality-cases                                 x   x   x   x   x   x   x
            POST   /api/v1/neutrality-cases                                 x   x   x   -   -   -   -
            PUT    /api/v1/neutrality-cases/{id}                            x   x   x   -   -   -   -
            PATCH  /api/v1/neutrality-cases/{id}                            x   x   x   -   -   -   -
            DELETE /api/v1/neutrality-cases/{id}                            x   x   -   -   -   -   -
            GET    /api/v1/neutrality-cases/{id}                            x   x   x   x   x   x   x
            GET    /api/v1/neutrality-cases/{id}/history                    x   x   x   x   x   x   x
            POST   /api/v1/neutrality-cases/{id}/persons                    x   x   x   -   -   -   -
            PUT    /api/v1/neutrality-cases/{id}/persons/{personId}         x   x   x   -   -   -   -
            DELETE /api/v1/neutrality-cases/{id}/persons/{personId}         x   x   x   -   -   -   -
            POST   /api/v1/neutrality-cases/{id}/transitions                x   x   x   -   -   -   -
            POST   /api/v1/neutrality-cases/{id}/transitions/reopening      x   x   -   -   -   -   -
            GET    /api/v1/personal-data-access                             x   -   -   -   -   -   -
            GET    /api/v1/public/challenge                                 x   x   x   x   x   x   x
            POST   /api/v1/public/reports                                   x   x   x   x   x   x   x
            GET    /api/v1/public/reports/{trackingCode}                    x   x   x   x   x   x   x
            POST   /api/v1/public/reports/{trackingCode}/photos             x   x   x   x   x   x   x
            POST   /api/v1/public/uploads                                   x   x   x   x   x   x   x
            HEAD   /api/v1/public/uploads/{id}                              x   x   x   x   x   x   x
            PATCH  /api/v1/public/uploads/{id}                              x   x   x   x   x   x   x
            DELETE /api/v1/public/uploads/{id}                              x   x   x   x   x   x   x
            GET    /api/v1/reference                                        x   x   x   x   x   x   x
            GET    /api/v1/reference/{kind}                                 x   x   x   x   x   x   x
            GET    /api/v1/regions                                          x   x   x   x   x   x   x
            POST   /api/v1/regions/import                                   x   -   -   -   -   -   -
            GET    /api/v1/regions/{code}                                   x   x   x   x   x   x   x
            GET    /api/v1/regions/{code}/children                          x   x   x   x   x   x   x
            GET    /api/v1/risk-index                                       x   x   x   x   -   x   x
            GET    /api/v1/risk-index/models                                x   x   x   x   x   x   x
            POST   /api/v1/risk-index/models                                x   -   -   -   -   -   -
            GET    /api/v1/risk-index/models/{model}                        x   x   x   x   x   x   x
            POST   /api/v1/risk-index/models/{model}/computations           x   -   -   -   -   -   -
            POST   /api/v1/risk-index/models/{model}/imports                x   -   -   -   -   -   -
            GET    /api/v1/risk-index/regions/{code}                        x   x   x   x   -   x   x
            GET    /api/v1/statistics/early-warnings                        x   x   x   x   x   x   x
            GET    /api/v1/statistics/incidents                             x   x   x   x   x   x   x
            GET    /api/v1/statistics/neutrality-cases                      x   x   x   x   x   x   x
            GET    /api/v1/statistics/resolution                            x   x   x   x   x   x   x
            GET    /api/v1/statistics/tasks                                 x   x   x   x   x   x   x
            GET    /api/v1/tasks                                            x   x   x   x   x   x   x
            GET    /api/v1/teams                                            x   x   x   x   x   x   x
            POST   /api/v1/teams                                            x   x   -   -   -   -   -
            PUT    /api/v1/teams/{id}                                       x   x   -   -   -   -   -
            PATCH  /api/v1/teams/{id}                                       x   x   -   -   -   -   -
            GET    /api/v1/teams/{id}                                       x   x   x   x   x   x   x
            DELETE /api/v1/teams/{id}                                       x   x   -   -   -   -   -
            GET    /api/v1/teams/{id}/history                               x   x   x   x   x   x   x
            GET    /api/v1/teams/{teamId}/members                           x   x   x   x   x   x   x
            POST   /api/v1/teams/{teamId}/members                           x   x   -   -   -   -   -
            PUT    /api/v1/teams/{teamId}/members/{memberId}                x   x   -   -   -   -   -
            PATCH  /api/v1/teams/{teamId}/members/{memberId}                x   x   -   -   -   -   -
            GET    /api/v1/teams/{teamId}/members/{memberId}                x   x   x   x   x   x   x
            DELETE /api/v1/teams/{teamId}/members/{memberId}                x   x   -   -   -   -   -
            GET    /api/v1/teams/{teamId}/members/{memberId}/history        x   x   x   x   x   x   x
            POST   /api/v1/uploads                                          x   x   x   -   -   -   -
            GET    /api/v1/uploads/{id}                                     x   x   x   x   x   x   x
            HEAD   /api/v1/uploads/{id}                                     x   x   x   x   x   x   x
            PATCH  /api/v1/uploads/{id}                                     x   x   x   -   -   -   -
            DELETE /api/v1/uploads/{id}                                     x   x   x   -   -   -   -
            GET    /api/v1/webhooks                                         x   x   -   -   -   -   -
            POST   /api/v1/webhooks                                         x   x   -   -   -   -   -
            GET    /api/v1/webhooks/{id}                                    x   x   -   -   -   -   -
            DELETE /api/v1/webhooks/{id}                                    x   x   -   -   -   -   -
            GET    /api/v1/webhooks/{id}/deliveries                         x   x   -   -   -   -   -
            POST   /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver  x   x   -   -   -   -   -
            POST   /api/v1/webhooks/{id}/enable                             x   x   -   -   -   -   -
            """;

    /** Whether the matrix lets a COORDINATOR call the operation (the walk through the examples picks its token so). */
    public static boolean coordinatorMay(String method, String path) {
        Set<Column> allowed = matrix().get(new Operation(method, path));
        assertThat(allowed).as("a row for " + method + " " + path).isNotNull();
        return allowed.contains(Column.COORDINATOR);
    }

    static Map<Operation, Set<Column>> matrix() {
        Map<Operation, Set<Column>> rows = new LinkedHashMap<>();
        List<String> lines = MATRIX.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(2 + Column.values().length);
            Set<Column> allowed = new LinkedHashSet<>();
            for (Column column : Column.values()) {
                String cell = cells[2 + column.ordinal()];
                assertThat(cell).as(line).isIn("x", "-");
                if (cell.equals("x")) {
                    allowed.add(column);
                }
            }
            assertThat(rows.put(new Operation(cells[0], cells[1]), allowed))
                    .as("duplicate row " + line)
                    .isNull();
        }
        return rows;
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        Set<Operation> served = new LinkedHashSet<>(AuthorizationSweepTest.operations());
        Set<Operation> rows = matrix().keySet();
        assertThat(served).as("operations without a row in the matrix").isSubsetOf(rows);
        assertThat(rows).as("rows without an operation").isSubsetOf(served);
    }

    /** A national caller of each column; the keys are issued for the whole country. */
    private static Map<Column, Function<RequestSpecification, RequestSpecification>> callers() {
        UUID agency = TestData.createAgency(
                TestData.unique("Kesbangpol Provinsi Kepulauan Bangka Belitung"), "KESBANGPOL", "19");
        Map<Column, Function<RequestSpecification, RequestSpecification>> callers = new LinkedHashMap<>();
        for (Column role :
                List.of(Column.ADMIN, Column.COORDINATOR, Column.OFFICER, Column.ANALYST, Column.INTEGRATION)) {
            String token = Tokens.token("matrix." + role, List.of(role.name()), List.of(), agency);
            callers.put(role, spec -> spec.auth().oauth2(token));
        }
        String all = issueKey(agency, List.of("read", "feed:read", "export:read", "incidents:write"));
        String read = issueKey(agency, List.of("read"));
        callers.put(Column.KEY, spec -> spec.header("X-API-Key", all));
        callers.put(Column.KEY_READ, spec -> spec.header("X-API-Key", read));
        return callers;
    }

    private static String issueKey(UUID agency, List<String> scopes) {
        return Tokens.admin()
                .body(ApiKeyResourceTest.key(agency, List.of(), scopes, "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    /** The request for an operation: a body that cannot pass validation, so that no allowed cell writes anything. */
    private static Response call(RequestSpecification spec, Operation op, String path) {
        RequestSpecification file = AuthorizationSweepTest.fileBody(spec, op);
        if (file != null) {
            spec = file;
        } else if (op.path().endsWith("/import") || op.path().endsWith("/imports")) {
            spec = spec.contentType("text/csv").body("kode\n");
        } else if (op.method().equals("POST") || op.method().equals("PUT")) {
            spec = spec.contentType(ContentType.JSON).body("{}");
        } else if (op.method().equals("PATCH")) {
            spec = spec.contentType(MERGE_PATCH).body("{}");
        }
        if (op.path().equals("/api/v1/exports/incidents")) {
            path += "?region=19.04";
        } else if (op.path().startsWith("/api/v1/feed/")) {
            path += "?limit=1";
        }
        return spec.header("If-Match", "\"0\"").request(op.method(), path);
    }

    @Test
    void everyCellIsWhatTheMatrixSays() {
        TestData.ensureRegions();
        Map<Column, Function<RequestSpecification, RequestSpecification>> callers = callers();
        var before = Db.snapshot();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<Operation, Set<Column>> row : matrix().entrySet()) {
            Operation op = row.getKey();
            String path = AuthorizationSweepTest.concrete(op.path());
            for (Column column : Column.values()) {
                Response response = call(callers.get(column).apply(given()), op, path);
                int status = response.statusCode();
                boolean allowed = row.getValue().contains(column);
                boolean ok = allowed
                        ? status != 401 && status != 403 && status < 500
                        : status == 403 && response.contentType().startsWith("application/problem+json");
                if (!ok) {
                    wrong.add(column + " " + op + " → " + status);
                }
                cells++;
            }
        }
        assertThat(wrong).as("cells that are not what the matrix says").isEmpty();
        assertThat(cells).isEqualTo(matrix().size() * Column.values().length);
        // Nothing written but the keys' own last use (api_key.last_used_at, at most once a minute).
        var after = Db.snapshot();
        before.remove("api_key");
        after.remove("api_key");
        assertThat(after).as("database after the sweep").isEqualTo(before);
    }

    /**
     * Every route with an id, pointed at a real record of Kabupaten Belitung (19.04), by an ADMIN of Sumatera Barat
     * (13) with the request body of the operation's own OpenAPI example: 404, nothing written. Regions, reference
     * data and risk index models are national lists and have no scope.
     */
    @Test
    void aRecordOutsideTheScopeIsNotFoundOnEveryRoute() {
        Fixtures.World world = Fixtures.belitung();
        try {
            Map<String, Object> examples = requestExamples();
            RequestSpecification admin13 = Tokens.as("matrix.admin.13", List.of("ADMIN"), List.of("13"));
            var before = Db.snapshot();
            List<String> wrong = new ArrayList<>();
            int routes = 0;
            for (Operation op : matrix().keySet()) {
                if (!op.path().contains("{")
                        || op.path().contains("{code}")
                        || op.path().contains("{model}")
                        || op.path().contains("{kind}")) {
                    continue;
                }
                String path = world.concrete(op.path());
                RequestSpecification spec = given().spec(admin13).header("If-Match", "\"0\"");
                Object example = examples.get(op.method() + " " + op.path());
                RequestSpecification file = AuthorizationSweepTest.fileBody(spec, op);
                if (file != null) {
                    spec = file;
                } else if (example != null) {
                    spec = spec.contentType(mediaType(op.method())).body(example);
                }
                Response response = spec.request(op.method(), path);
                if (response.statusCode() != 404 || !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(op + " → " + response.statusCode() + " " + response.asString());
                }
                routes++;
            }
            assertThat(wrong)
                    .as("routes that answer a record outside the scope otherwise than 404")
                    .isEmpty();
            assertThat(routes).isGreaterThanOrEqualTo(77);
            Db.assertUnchanged(before);
            // The same records are there for a caller of their own region: the 404s above were the scope's doing.
            RequestSpecification admin19 = Tokens.as("matrix.admin.19", List.of("ADMIN"), List.of("19"));
            for (String route : List.of(
                    "/api/v1/incidents/{id}",
                    "/api/v1/meetings/{id}/decisions/{decisionId}",
                    "/api/v1/action-plans/{id}/reports/{reportId}",
                    "/api/v1/webhooks/{id}",
                    "/api/v1/api-keys/{id}",
                    "/api/v1/teams/{teamId}/members/{memberId}",
                    "/api/v1/neutrality-cases/{id}")) {
                given().spec(admin19).get(world.concrete(route)).then().statusCode(200);
            }
        } finally {
            world.dropWebhook();
        }
    }

    /**
     * Writes refuse the fields the server owns (OWASP API3, mass assignment): every operation's own example body with
     * a version, timestamps, an author or an owner added is a 400 naming the field, and nothing is written. Raising a
     * record's classification above the caller's clearance is a 403 (the classification rules in Clearance).
     */
    @Test
    void serverOwnedFieldsAreRefused() {
        Fixtures.World world = Fixtures.belitung();
        try {
            Map<String, Object> examples = requestExamples();
            var before = Db.snapshot();
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Object> example : examples.entrySet()) {
                // An empty example documents an operation that takes no body (redeliver): there is nothing to assign.
                if (!(example.getValue() instanceof Map<?, ?> body)
                        || body.isEmpty()
                        || example.getKey().startsWith("POST /api/v1/dev/")) {
                    continue;
                }
                String method = example.getKey().substring(0, example.getKey().indexOf(' '));
                String path = world.concrete(example.getKey().substring(method.length() + 1));
                for (Map.Entry<String, Object> owned : Map.<String, Object>of(
                                "version",
                                7,
                                "createdAt",
                                "2020-01-01T00:00:00Z",
                                "updatedAt",
                                "2020-01-01T00:00:00Z",
                                "createdBy",
                                "someone.else",
                                "ownerId",
                                UUID.randomUUID().toString())
                        .entrySet()) {
                    Map<String, Object> tampered = new LinkedHashMap<>();
                    body.forEach((k, v) -> tampered.put(String.valueOf(k), v));
                    tampered.put(owned.getKey(), owned.getValue());
                    Response response = Tokens.admin()
                            .contentType(mediaType(method))
                            .header("If-Match", "\"0\"")
                            .body(tampered)
                            .request(method, path);
                    if (response.statusCode() != 400 || !response.asString().contains(owned.getKey())) {
                        wrong.add(method + " " + path + " +" + owned.getKey() + " → " + response.statusCode() + " "
                                + response.asString());
                    }
                }
            }
            assertThat(wrong)
                    .as("writes that did not refuse a server-owned field")
                    .isEmpty();
            assertThat(examples).hasSizeGreaterThan(30);
            Db.assertUnchanged(before);

            // A classification upgrade by an uncleared officer: 403, the incident unchanged.
            String incident = world.ids().get("/incidents/{id}").substring("/incidents/".length());
            var officer = Tokens.as("officer.belitung", List.of("OFFICER"), List.of("19.04"), world.secretariat());
            Map<String, Object> current = new LinkedHashMap<>(officer.get("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap(""));
            Map<String, Object> upgrade = IncidentResourceTest.incident(String.valueOf(current.get("title")), "19.04");
            upgrade.put("classification", "CONFIDENTIAL");
            var unchanged = Db.snapshot();
            officer.header("If-Match", "\"" + current.get("version") + "\"")
                    .body(upgrade)
                    .put("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            Db.assertUnchanged(unchanged);
        } finally {
            world.dropWebhook();
        }
    }

    static final String MERGE_PATCH = "application/merge-patch+json";

    /** The JSON body of a write: a merge patch for PATCH (the tus PATCH of an upload takes a file body instead). */
    static String mediaType(String method) {
        return method.equals("PATCH") ? MERGE_PATCH : "application/json";
    }

    /** The first example of each operation's JSON request body in the served document, by "METHOD path". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> requestExamples() {
        Map<String, Map<String, Object>> paths =
                JsonPath.from(OpenApi.served().toString()).getMap("paths");
        Map<String, Object> examples = new LinkedHashMap<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op)
                    || !(op.get("requestBody") instanceof Map<?, ?> body)
                    || !(body.get("content") instanceof Map<?, ?> content)
                    || !(content.get(mediaType(method.toUpperCase())) instanceof Map<?, ?> json)) {
                return;
            }
            Object example = json.get("example");
            if (example == null && json.get("examples") instanceof Map<?, ?> named && !named.isEmpty()) {
                example = ((Map<String, Object>) named.values().iterator().next()).get("value");
            }
            if (example != null) {
                examples.put(method.toUpperCase() + " " + path, example);
            }
        }));
        return examples;
    }
}

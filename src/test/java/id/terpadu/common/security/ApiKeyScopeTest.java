package id.terpadu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The scopes of an API key and the one table that maps a request to the scope it needs
 * ({@link ApiKeyScopeFilter#required}), without a Quarkus boot. What a key's role, region scope and classification
 * further refuse is {@code AuthorizationMatrixTest}'s.
 */
class ApiKeyScopeTest {

    @Test
    void eachScopeHasItsWireValueAndReadsBackFromIt() {
        assertThat(java.util.Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::value))
                .containsExactly("read", "feed:read", "export:read", "incidents:write");
        for (ApiKeyScope scope : ApiKeyScope.values()) {
            assertThat(ApiKeyScope.of(scope.value())).isSameAs(scope);
        }
    }

    @Test
    void anUnknownScopeIsNoScope() {
        // exact, case-sensitive values: the enum names and near misses are not scopes
        for (String value : new String[] {
            "READ", "FEED_READ", "Read", " read", "read ", "feed", "export", "write", "incidents:read", "*", ""
        }) {
            assertThat(ApiKeyScope.of(value)).as("'%s'", value).isNull();
        }
        assertThat(ApiKeyScope.of(null)).isNull();
    }

    @Test
    void readsNeedReadExceptTheFeedAndExports() {
        Map<String, ApiKeyScope> expected = new LinkedHashMap<>();
        expected.put("/api/v1/incidents", ApiKeyScope.READ);
        expected.put("/api/v1/incidents/6f1c/activities", ApiKeyScope.READ);
        expected.put("/api/v1/early-warnings/6f1c", ApiKeyScope.READ);
        expected.put("/api/v1/alerts.atom", ApiKeyScope.READ);
        expected.put("/api/v1/statistics/incidents", ApiKeyScope.READ);
        expected.put("/api/v1/reference/risk-levels", ApiKeyScope.READ);
        expected.put("/api/v1/regions/13.71/children", ApiKeyScope.READ);
        expected.put("/api/v1/action-plans/recap", ApiKeyScope.READ);
        expected.put("/api/v1/feed/changes", ApiKeyScope.FEED_READ);
        expected.put("/api/v1/feed/changes/latest", ApiKeyScope.FEED_READ);
        expected.put("/api/v1/exports/incidents", ApiKeyScope.EXPORT_READ);
        for (var entry : expected.entrySet()) {
            assertThat(ApiKeyScopeFilter.required("GET", entry.getKey()))
                    .as("GET %s", entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(ApiKeyScopeFilter.required("HEAD", entry.getKey()))
                    .as("HEAD %s", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void keysNeverReadKeys() {
        assertThat(ApiKeyScopeFilter.required("GET", "/api/v1/api-keys")).isNull();
        assertThat(ApiKeyScopeFilter.required("GET", "/api/v1/intake")).isNull();
        assertThat(ApiKeyScopeFilter.required("GET", "/api/v1/intake/6f1c")).isNull();
        assertThat(ApiKeyScopeFilter.required("GET", "/api/v1/api-keys/6f1c/history"))
                .isNull();
        assertThat(ApiKeyScopeFilter.required("HEAD", "/api/v1/api-keys/6f1c")).isNull();
    }

    @Test
    void reportingIncidentsAndTheirActivitiesNeedsIncidentsWrite() {
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v1/incidents")).isEqualTo(ApiKeyScope.INCIDENTS_WRITE);
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v1/incidents/")).isEqualTo(ApiKeyScope.INCIDENTS_WRITE);
        assertThat(ApiKeyScopeFilter.required("PUT", "/api/v1/incidents/6f1c")).isEqualTo(ApiKeyScope.INCIDENTS_WRITE);
        assertThat(ApiKeyScopeFilter.required("PUT", "/api/v1/incidents/6f1c/")).isEqualTo(ApiKeyScope.INCIDENTS_WRITE);
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v1/incidents/6f1c/activities"))
                .isEqualTo(ApiKeyScope.INCIDENTS_WRITE);
    }

    @Test
    void everyOtherWriteIsClosedToKeys() {
        Map<String, String> closed = new LinkedHashMap<>();
        closed.put("/api/v1/incidents/6f1c", "DELETE");
        closed.put("/api/v1/incidents/6f1c/stage-transitions", "POST");
        closed.put("/api/v1/incidents/6f1c/tasks", "POST");
        closed.put("/api/v1/incidents/6f1c/activities/7a2d", "PUT");
        closed.put("/api/v1/incidents/6f1c/activities/", "PUT");
        closed.put("/api/v1/incidents//activities", "POST");
        closed.put("/api/v1/incidents", "PUT");
        closed.put("/api/v1/early-warnings", "POST");
        closed.put("/api/v1/api-keys", "POST");
        closed.put("/api/v1/api-keys/6f1c/revocation", "POST");
        closed.put("/api/v1/webhooks", "POST");
        closed.put("/api/v1/agencies/6f1c", "PUT");
        closed.put("/api/v1/teams", "POST");
        closed.put("/api/v1/regions/import", "POST");
        closed.put("/api/v1/dev/tokens", "POST");
        closed.put("/api/v1/feed/changes", "POST");
        closed.put("/api/v1/exports/incidents", "POST");
        String refusedButNamed = closed.entrySet().stream()
                .filter(e -> ApiKeyScopeFilter.required(e.getValue(), e.getKey()) != null)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        assertThat(refusedButNamed).as("writes a key may make").isEmpty();
        for (String method : new String[] {"PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}) {
            assertThat(ApiKeyScopeFilter.required(method, "/api/v1/incidents"))
                    .as(method)
                    .isNull();
        }
    }

    @Test
    void theMethodIsComparedAsTheServerSpellsIt() {
        // the HTTP layer hands methods over in upper case; anything else is no method the table knows
        assertThat(ApiKeyScopeFilter.required("get", "/api/v1/incidents")).isNull();
        assertThat(ApiKeyScopeFilter.required("post", "/api/v1/incidents")).isNull();
    }

    @Test
    void aPathThatOnlyLooksLikeAnIncidentWriteNeedsNothingAKeyHas() {
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v1/incidentsX")).isNull();
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v1/incidents/6f1c/activities/extra"))
                .isNull();
        assertThat(ApiKeyScopeFilter.required("POST", "/api/v2/incidents")).isNull();
        assertThat(ApiKeyScopeFilter.required("POST", "api/v1/incidents")).isNull();
    }
}

package id.terpadu.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path logged when no route matched keeps API words, ids and region codes, and nothing else. */
class RequestLogTest {

    @Test
    void unmatchedPathsKeepOnlyWordsIdsAndRegionCodes() {
        assertThat(RequestLog.redacted("/api/v1/incidents/4d6434a3-eb3f-4d37-ab70-9274a1808eef/stage-transitions"))
                .isEqualTo("/api/v1/incidents/4d6434a3-eb3f-4d37-ab70-9274a1808eef/stage-transitions");
        assertThat(RequestLog.redacted("/api/v1/regions/13.77.01.2001/children"))
                .isEqualTo("/api/v1/regions/13.77.01.2001/children");
        assertThat(RequestLog.redacted("/api/v1/alerts.atom")).isEqualTo("/api/v1/alerts.atom");
        assertThat(RequestLog.redacted("/api/v1/incidents/1371021708850003")).isEqualTo("/api/v1/incidents/*");
        assertThat(RequestLog.redacted("/api/v1/persons/Datuak%20Rajo/x")).isEqualTo("/api/v1/persons/*/x");
        assertThat(RequestLog.redacted("/")).isEqualTo("/");
    }
}

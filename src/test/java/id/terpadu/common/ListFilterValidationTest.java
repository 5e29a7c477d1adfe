package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;

/** Every malformed list filter is a 400 problem naming the parameter, and reads never write. */
@QuarkusTest
class ListFilterValidationTest {

    record Bad(String path, String field) {}

    static final List<Bad> BAD = List.of(
            new Bad("/api/v1/conflict-statuses?scale=KOTA", "scale"),
            new Bad("/api/v1/conflict-statuses?region=13.x", "region"),
            new Bad("/api/v1/early-warnings?riskLevel=EXTREME", "riskLevel"),
            new Bad("/api/v1/early-warnings?status=DONE", "status"),
            new Bad("/api/v1/early-warnings?category=PERANG", "category"),
            new Bad("/api/v1/early-warnings?region=1", "region"),
            new Bad("/api/v1/tasks?state=LATE", "state"),
            new Bad("/api/v1/tasks?agencyId=polres", "agencyId"),
            new Bad("/api/v1/statistics/incidents?severityMax=0", "severityMax"),
            new Bad("/api/v1/statistics/incidents?bbox=200,0,201,1", "bbox"),
            new Bad("/api/v1/teams?year=1900", "year"),
            new Bad("/api/v1/teams?level=DESA", "level"),
            new Bad("/api/v1/agencies?region=abc", "region"),
            new Bad("/api/v1/regions?limit=0", "limit"),
            new Bad("/api/v1/action-plans?year=1900", "year"),
            new Bad("/api/v1/action-plans?teamId=tim", "teamId"),
            new Bad("/api/v1/action-plans/recap?year=2024&period=B05", "period"),
            new Bad("/api/v1/meetings?kind=SANTAI", "kind"),
            new Bad("/api/v1/meetings?from=kemarin", "from"),
            new Bad("/api/v1/meeting-decisions?status=LATE", "status"),
            new Bad("/api/v1/neutrality-cases?electionYear=abc", "electionYear"),
            new Bad("/api/v1/neutrality-cases?status=DIPECAT", "status"),
            new Bad("/api/v1/statistics/neutrality-cases?electionType=PILPRES", "electionType"),
            new Bad("/api/v1/api-keys?active=maybe", "active"),
            new Bad("/api/v1/feed/changes?types=incident,secret", "types"),
            new Bad("/api/v1/exports/incidents?format=xlsx", "format"),
            new Bad("/api/v1/personal-data-access?entityType=secret", "entityType"),
            new Bad("/api/v1/personal-data-access?actor=" + "a".repeat(256), "actor"),
            new Bad("/api/v1/personal-data-access?actor=a\nb", "actor"),
            new Bad("/api/v1/personal-data-access?entityId=42", "entityId"),
            new Bad("/api/v1/incidents?q=" + "a".repeat(201), "q"),
            new Bad("/api/v1/agencies?q=a\tb", "q"),
            new Bad("/api/v1/regions?q=a\nb", "q"),
            new Bad("/api/v1/regions?parent=zz", "parent"),
            new Bad("/api/v1/statistics/incidents?groupBy=Category", "groupBy"),
            new Bad("/api/v1/statistics/neutrality-cases?groupBy=status,", "groupBy"),
            new Bad("/api/v1/statistics/incidents?groupBy=weekday", "groupBy"),
            new Bad("/api/v1/statistics/incidents?groupBy=" + "year,".repeat(10) + "year", "groupBy"),
            new Bad("/api/v1/statistics/resolution?year=2024.5", "year"),
            new Bad("/api/v1/statistics/resolution?year=1900", "year"),
            new Bad("/api/v1/statistics/resolution?level=desa", "level"),
            new Bad("/api/v1/statistics/resolution?region=33.7", "region"),
            new Bad("/api/v1/statistics/early-warnings?groupBy=agency", "groupBy"),
            new Bad("/api/v1/statistics/early-warnings?riskLevel=EKSTREM", "riskLevel"),
            new Bad("/api/v1/statistics/early-warnings?includeDuplicates=ya", "includeDuplicates"),
            new Bad("/api/v1/statistics/tasks?groupBy=riskLevel", "groupBy"),
            new Bad("/api/v1/statistics/tasks?overdue=late", "overdue"),
            new Bad("/api/v1/statistics/tasks?region=Jawa", "region"),
            new Bad("/api/v1/feed/changes?types=incident,", "types"),
            new Bad("/api/v1/feed/changes?after=bm90LWEtY3Vyc29y", "after"),
            new Bad("/api/v1/exports/incidents?format=CSV", "format"));

    @Test
    void malformedFiltersAreRefused() {
        var before = Db.snapshot();
        for (Bad bad : BAD) {
            admin().get(bad.path())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.field()));
        }
        Db.assertUnchanged(before);
    }
}

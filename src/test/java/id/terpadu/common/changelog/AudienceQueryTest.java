package id.terpadu.common.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.RegionScope;
import id.terpadu.support.Db;

/**
 * Who may see a change is one rule with three forms: {@link Audience#sees} in Java, the condition on change rows the
 * feed and histories use, and the condition on subscriptions the webhook queue uses. PostgreSQL evaluates both
 * conditions here for every case of region and classification, and each must agree with the Java rule.
 */
@QuarkusTest
@Tag("external-db")
class AudienceQueryTest {

    private static final List<String> CHANGE_REGIONS =
            Arrays.asList(null, "13", "13.77", "13.77.01", "13.77.01.2001", "19", "19.71", "130");
    private static final List<String> SUBSCRIPTION_REGIONS = Arrays.asList(null, "13", "13.77", "19");

    @Test
    void theSubscribersConditionAgreesWithTheRuleOnEveryCase() {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (String subscribed : SUBSCRIPTION_REGIONS) {
            for (Classification max : Classification.values()) {
                Audience audience = Audience.subscription(subscribed, max);
                for (String region : CHANGE_REGIONS) {
                    for (Classification classification : Classification.values()) {
                        String condition = Audience.subscribersSeeing(
                                "s.region_code",
                                "s.max_classification",
                                "cast(" + literal(region) + " as text)",
                                literal(classification.name()));
                        boolean sql = "t"
                                .equals(Db.single("select " + condition + " from (values (cast(" + literal(subscribed)
                                        + " as text), " + literal(max.name())
                                        + ")) s(region_code, max_classification)"));
                        cases++;
                        if (sql != audience.sees(region, classification)) {
                            disagreements.add(
                                    subscribed + "/" + max + " sees " + region + "/" + classification + ": " + sql);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isEqualTo(4 * 3 * 8 * 3);
    }

    @Test
    void theChangeRowConditionAgreesWithTheRuleOnEveryCase() {
        List<Audience> readers = List.of(
                Audience.reader(RegionScope.NATIONAL, Set.of(Classification.values())),
                Audience.reader(
                        new RegionScope(List.of("13")), Set.of(Classification.PUBLIC, Classification.RESTRICTED)),
                Audience.reader(new RegionScope(List.of("13.77", "19")), Set.of(Classification.PUBLIC)),
                Audience.subscription("19", Classification.CONFIDENTIAL));
        List<String> disagreements = new ArrayList<>();
        for (Audience audience : readers) {
            Filter filter = audience.restrict(new Filter("a"), "c");
            String condition = filter.where();
            for (Map.Entry<String, Object> parameter : filter.parameters().entrySet()) {
                condition = condition
                        .replace(":" + parameter.getKey() + ")", value(parameter.getValue()) + ")")
                        .replace(":" + parameter.getKey() + " ", value(parameter.getValue()) + " ");
            }
            for (String region : CHANGE_REGIONS) {
                for (Classification classification : Classification.values()) {
                    boolean sql = "t"
                            .equals(Db.single(
                                    "select " + condition + " from (values (cast(" + literal(region) + " as text), "
                                            + literal(classification.name()) + ")) c(region_code, classification)"));
                    if (sql != audience.sees(region, classification)) {
                        disagreements.add(audience + " sees " + region + "/" + classification + ": " + sql);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static String value(Object value) {
        return value instanceof Collection<?> list
                ? list.stream().map(v -> literal(v.toString())).collect(Collectors.joining(", "))
                : literal(value.toString());
    }

    private static String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }
}

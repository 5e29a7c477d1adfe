package id.terpadu.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The where-clause of a list query: every value is bound as a parameter, never written into the query text. No
 * Quarkus boot.
 */
class FilterTest {

    @Test
    void anEmptyFilterMatchesEverything() {
        assertThat(new Filter().where()).isEqualTo("1 = 1");
        assertThat(new Filter().parameters()).isEmpty();
    }

    @Test
    void eachPlaceholderIsBoundInOrderUnderItsOwnName() {
        Filter filter = new Filter()
                .and("e.stage = :?", "PENCEGAHAN")
                .and("e.occurredFrom >= :? and e.occurredFrom < :?", 1, 2);
        assertThat(filter.where()).isEqualTo("(e.stage = :p0) and (e.occurredFrom >= :p1 and e.occurredFrom < :p2)");
        assertThat(filter.parameters()).isEqualTo(Map.of("p0", "PENCEGAHAN", "p1", 1, "p2", 2));
    }

    @Test
    void aValueNeverReachesTheQueryText() {
        String hostile = "x') or 1=1 --";
        Filter filter = new Filter().and("lower(e.title) like :?", Filter.containing(hostile));
        assertThat(filter.where()).doesNotContain("1=1").isEqualTo("(lower(e.title) like :p0)");
    }

    @Test
    void aPrefixKeepsTwoFiltersApart() {
        Filter a = new Filter().and("e.a = :?", 1);
        Filter b = new Filter("q").and("e.b = :?", 2);
        assertThat(a.parameters().keySet()).containsExactly("p0");
        assertThat(b.parameters().keySet()).containsExactly("q0");
        assertThat(b.where()).isEqualTo("(e.b = :q0)");
    }

    @Test
    void aClauseAndItsValuesMustAgree() {
        assertThatThrownBy(() -> new Filter().and("e.a = :? and e.b = :?", 1)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new Filter().and("e.a = :?", 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.a = :?");
    }

    @Test
    void andIfSkipsAbsentAndBlankValues() {
        Filter filter = new Filter()
                .andIf(null, "e.a = :?", (Object) null)
                .andIf("  ", "e.b = :?", "  ")
                .andIf("", "e.c = :?", "");
        assertThat(filter.where()).isEqualTo("1 = 1");
        filter.andIf("13", "e.region = :?", "13").andIf(0, "e.n = :?", 0).andIf(false, "e.f = :?", false);
        assertThat(filter.where()).isEqualTo("(e.region = :p0) and (e.n = :p1) and (e.f = :p2)");
    }

    @Test
    void containingEscapesTheWildcardsOfLike() {
        assertThat(Filter.containing("  Padang  ")).isEqualTo("%padang%");
        assertThat(Filter.containing("100%")).isEqualTo("%100\\%%");
        assertThat(Filter.containing("a_b")).isEqualTo("%a\\_b%");
        assertThat(Filter.containing("c:\\dir")).isEqualTo("%c:\\\\dir%");
        // the backslash is escaped first, so an escape the caller typed stays literal
        assertThat(Filter.containing("\\%")).isEqualTo("%\\\\\\%%");
    }

    @Test
    void containingLowersCaseWithoutTheDefaultLocale() {
        // with a Turkish default locale "I".toLowerCase() is a dotless ı; the pattern must not depend on it
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(Filter.containing("INDRAMAYU")).isEqualTo("%indramayu%");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void alternativesHoldWithTheirOwnParametersAndNeverShareOne() {
        Filter filter = new Filter()
                .and("e.state = :?", "ALERTED")
                .andAny(
                        new Filter("i").and("i.id is not null").and("i.regionCode = :?", "19.71"),
                        new Filter("w").and("w.id is not null").and("w.regionCode = :?", "13"));
        assertThat(filter.where())
                .isEqualTo("(e.state = :p0) and (((i.id is not null) and (i.regionCode = :i0))"
                        + " or ((w.id is not null) and (w.regionCode = :w0)))");
        assertThat(filter.parameters()).isEqualTo(Map.of("p0", "ALERTED", "i0", "19.71", "w0", "13"));
        assertThatThrownBy(() -> new Filter().and("e.a = :?", 1).andAny(new Filter().and("e.b = :?", 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

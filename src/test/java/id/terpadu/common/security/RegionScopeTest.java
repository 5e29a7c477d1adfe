package id.terpadu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.paging.Filter;

/**
 * A caller's region scope: a code covers itself and everything below it, records without a region are national, and
 * the same rule as a query clause. No Quarkus boot.
 */
class RegionScopeTest {

    private static final RegionScope SUMBAR = new RegionScope(List.of("13"));
    private static final RegionScope TWO_KOTA = new RegionScope(List.of("13.71", "19.71"));

    @Test
    void aCodeCoversItselfAndEverythingBelowIt() {
        assertThat(SUMBAR.covers("13")).isTrue();
        assertThat(SUMBAR.covers("13.71")).isTrue();
        assertThat(SUMBAR.covers("13.71.01")).isTrue();
        assertThat(SUMBAR.covers("13.71.01.1001")).isTrue();
        assertThat(TWO_KOTA.covers("19.71.02.1003")).isTrue();
        assertThat(TWO_KOTA.covers("13.71")).isTrue();
    }

    @Test
    void neitherAParentNorASiblingNorACodeThatMerelyStartsAlikeIsCovered() {
        assertThat(TWO_KOTA.covers("13")).isFalse();
        assertThat(TWO_KOTA.covers("13.72")).isFalse();
        assertThat(SUMBAR.covers("14")).isFalse();
        assertThat(SUMBAR.covers("14.13")).isFalse();
        assertThat(new RegionScope(List.of("13.7")).covers("13.71")).isFalse();
        assertThat(new RegionScope(List.of("13.71.01")).covers("13.71.011")).isFalse();
    }

    @Test
    void nationalRecordsAreReadByEveryoneAndWrittenOnlyNationally() {
        assertThat(SUMBAR.canRead(null)).isTrue();
        assertThat(SUMBAR.covers(null)).isFalse();
        assertThat(RegionScope.NATIONAL.isNational()).isTrue();
        assertThat(RegionScope.NATIONAL.covers(null)).isTrue();
        assertThat(RegionScope.NATIONAL.covers("96.01.01.2001")).isTrue();
        assertThat(SUMBAR.isNational()).isFalse();
    }

    @Test
    void aCallerWithoutATokenSeesOnlyNationalRecords() {
        assertThat(RegionScope.NONE.isNational()).isFalse();
        assertThat(RegionScope.NONE.canRead(null)).isTrue();
        for (String code : List.of("11", "13.71", "96.01.01.2001")) {
            assertThat(RegionScope.NONE.canRead(code)).as(code).isFalse();
        }
        assertThat(RegionScope.NONE.covers(null)).isFalse();
    }

    @Test
    void aWriteOutsideTheScopeIsA403NamingTheField() {
        assertThatThrownBy(() -> SUMBAR.requireWritable("14.01", "regionCode"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN);
                    assertThat(e.detail().key()).isEqualTo("scope.region-outside");
                    assertThat(e.detail().params())
                            .containsEntry("field", "regionCode")
                            .containsEntry("region", "14.01")
                            .containsEntry("scope", List.of("13"));
                });
        assertThatThrownBy(() -> SUMBAR.requireWritable(null, "regionCode"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.detail().key()).isEqualTo("scope.national-record"));
        assertThatCode(() -> SUMBAR.requireWritable("13.71.01", "regionCode")).doesNotThrowAnyException();
        assertThatCode(() -> RegionScope.NATIONAL.requireWritable(null, "regionCode"))
                .doesNotThrowAnyException();
        Message refusal = Message.of("region.import.national-only");
        assertThatThrownBy(() -> SUMBAR.requireNational(refusal))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.detail()).isSameAs(refusal));
        assertThatCode(() -> RegionScope.NATIONAL.requireNational(refusal)).doesNotThrowAnyException();
    }

    @Test
    void aNationalScopeAddsNoClause() {
        Filter filter = new Filter();
        assertThat(RegionScope.NATIONAL.restrict(filter, "e.regionCode")).isSameAs(filter);
        assertThat(filter.where()).isEqualTo("1 = 1");
    }

    @Test
    void theQueryClauseIsTheSameRuleNationalRecordsIncluded() {
        Filter filter = TWO_KOTA.restrict(new Filter(), "e.regionCode");
        assertThat(filter.where())
                .isEqualTo("(e.regionCode is null or e.regionCode = :p0 or e.regionCode like :p1"
                        + " or e.regionCode = :p2 or e.regionCode like :p3)");
        assertThat(filter.parameters())
                .isEqualTo(Map.of("p0", "13.71", "p1", "13.71.%", "p2", "19.71", "p3", "19.71.%"));
    }

    @Test
    void provinceAndKabkotaColumnsTurnASubtreeIntoOneEquality() {
        RegionScope.Columns columns = new RegionScope.Columns("e.regionCode", "e.province", "e.kabkota", false);
        Filter filter = new RegionScope(List.of("13", "19.71", "19.72.01")).restrict(new Filter(), columns);
        assertThat(filter.where())
                .isEqualTo("(e.province = :p0 or e.kabkota = :p1" + " or e.regionCode = :p2 or e.regionCode like :p3)");
        assertThat(filter.parameters())
                .isEqualTo(Map.of("p0", "13", "p1", "19.71", "p2", "19.72.01", "p3", "19.72.01.%"));
        // a record that always has a region gets no "is null" clause
        assertThat(filter.where()).doesNotContain("is null");
    }

    @Test
    void withinRestrictsToOneSubtree() {
        Filter filter = RegionScope.Columns.of("e.regionCode").within(new Filter(), "13.71");
        assertThat(filter.where()).isEqualTo("(e.regionCode = :p0 or e.regionCode like :p1)");
        assertThat(filter.parameters()).containsEntry("p1", "13.71.%");
    }
}

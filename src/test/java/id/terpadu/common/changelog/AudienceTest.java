package id.terpadu.common.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.RegionScope;

/** The one rule of who may see a change, without a database. */
class AudienceTest {

    private static final Set<Classification> RESTRICTED = EnumSet.of(Classification.PUBLIC, Classification.RESTRICTED);

    @Test
    void aReaderSeesItsRegionsSubtreeAndTheNationalRecordsUpToItsClearance() {
        Audience sumbar = Audience.reader(new RegionScope(List.of("13")), RESTRICTED);
        assertThat(sumbar.sees("13", Classification.PUBLIC)).isTrue();
        assertThat(sumbar.sees("13.77", Classification.RESTRICTED)).isTrue();
        assertThat(sumbar.sees("13.77.01.2001", Classification.RESTRICTED)).isTrue();
        assertThat(sumbar.sees(null, Classification.PUBLIC))
                .as("a national record")
                .isTrue();
        assertThat(sumbar.sees("13.77", Classification.CONFIDENTIAL)).isFalse();
        assertThat(sumbar.sees("19.71", Classification.PUBLIC)).isFalse();
        assertThat(sumbar.sees("130", Classification.PUBLIC))
                .as("a code that only begins like 13")
                .isFalse();
        assertThat(sumbar.sees(null, Classification.CONFIDENTIAL)).isFalse();
    }

    @Test
    void aNationalReaderSeesEveryRegion() {
        Audience nation = Audience.reader(RegionScope.NATIONAL, EnumSet.allOf(Classification.class));
        assertThat(nation.sees("91.01", Classification.CONFIDENTIAL)).isTrue();
        assertThat(nation.sees(null, Classification.CONFIDENTIAL)).isTrue();
    }

    @Test
    void aRegionalSubscriptionReceivesItsRegionOnlyAndUpToItsMaximum() {
        Audience babel = Audience.subscription("19", Classification.RESTRICTED);
        assertThat(babel.sees("19.71", Classification.RESTRICTED)).isTrue();
        assertThat(babel.sees("19", Classification.PUBLIC)).isTrue();
        assertThat(babel.sees(null, Classification.PUBLIC))
                .as("no national record for a regional subscription")
                .isFalse();
        assertThat(babel.sees("19.71", Classification.CONFIDENTIAL)).isFalse();
        assertThat(babel.sees("13.77", Classification.PUBLIC)).isFalse();

        Audience open = Audience.subscription("19.71", Classification.PUBLIC);
        assertThat(open.sees("19.71", Classification.RESTRICTED)).isFalse();
        assertThat(open.sees("19.01", Classification.PUBLIC)).isFalse();
    }

    @Test
    void aNationalSubscriptionReceivesEveryRegionAndTheNationalRecords() {
        Audience national = Audience.subscription(null, Classification.CONFIDENTIAL);
        assertThat(national.sees(null, Classification.CONFIDENTIAL)).isTrue();
        assertThat(national.sees("13.77", Classification.PUBLIC)).isTrue();
    }

    @Test
    void theQueryFormStatesTheSameRegionsAndClassifications() {
        Filter reader =
                Audience.reader(new RegionScope(List.of("13")), RESTRICTED).restrict(new Filter("a"), "c");
        assertThat(reader.where())
                .isEqualTo(
                        "(c.region_code is null or c.region_code = :a0 or c.region_code like :a1) and (c.classification in (:a2))");
        assertThat(reader.parameters()).containsEntry("a0", "13").containsEntry("a1", "13.%");
        assertThat(reader.parameters().get("a2"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("PUBLIC", "RESTRICTED");

        Filter subscription = Audience.subscription("19", Classification.PUBLIC).restrict(new Filter("s"), "c");
        assertThat(subscription.where())
                .isEqualTo("(c.region_code = :s0 or c.region_code like :s1) and (c.classification in (:s2))");
        assertThat(subscription.parameters().get("s2"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("PUBLIC");

        Filter nation = Audience.reader(RegionScope.NATIONAL, RESTRICTED).restrict(new Filter("n"), "c");
        assertThat(nation.where()).isEqualTo("(c.classification in (:n0))");
    }
}

package id.terpadu.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.TestData;

/**
 * The early-warning list's new filters use their indexes: 6,000 warnings are written in one transaction (rolled back at
 * the end, so no other test sees them), analysed, and PostgreSQL's plans of the list's text, box and time filters are
 * read: each must use its index (early_warning_search_vector, early_warning_location, early_warning_observed), not a
 * scan of every row. The plans and times are printed.
 */
@QuarkusTest
@Tag("external-db")
public class WarningListPlanTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static final String LIST = "select e.id from early_warning e where e.region_code like '13%%' "
            + "and e.classification in ('PUBLIC', 'RESTRICTED') and %s order by e.updated_at desc, e.id desc limit 51";

    @Test
    void textBoxAndTimeFiltersUseTheirIndexes() throws Exception {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into early_warning (id, region_code, category_code, title, description, indicators,"
                        + " likelihood, impact, risk_level, source_kind, classification, status, version, created_at,"
                        + " updated_at, created_by, updated_by, observed_at, latitude, longitude)"
                        + " select gen_random_uuid(), '13.77', 'POLITIK_PILKADA',"
                        + " 'Ketegangan pendukung paslon ' || g, 'Pengerahan massa dan saling lapor nomor ' || g,"
                        + " '[\"Ujaran kebencian\"]'::jsonb, 3, 3, 'SEDANG', 'PATROLI', 'RESTRICTED', 'DIPANTAU', 0,"
                        + " now() - g * interval '1 hour', now() - g * interval '1 hour', 'bench', 'bench',"
                        + " now() - g * interval '1 hour',"
                        + " case when g % 2 = 0 then -11 + (g % 170) * 0.1 end,"
                        + " case when g % 2 = 0 then 95 + (g % 460) * 0.1 end"
                        + " from generate_series(1, 6000) g");
                s.execute(
                        "update early_warning set title = title || ' kerusuhan' where title like '%pendukung paslon 4321'");
                // what autovacuum does after a load: the GIN index's pending list merged, the statistics taken
                s.execute("select gin_clean_pending_list('early_warning_search_vector'::regclass)");
                s.execute("analyze early_warning");
                List<String> plans = new ArrayList<>();
                String text = plan(s, "incident_search_match(e.search_vector, 'kerusuhan')");
                String box = plan(
                        s,
                        "incident_in_box(e.longitude, e.latitude, 99.8, -1.0, 100.6, -0.3) and e.latitude is not null");
                String time = plan(
                        s,
                        "e.observed_at >= now() - interval '30 hours' and e.observed_at < now() - interval '20 hours'");
                plans.add(text);
                plans.add(box);
                plans.add(time);
                System.out.println("Early-warning list plans over 6,000 warnings:\n" + String.join("\n---\n", plans));
                assertThat(text).contains("early_warning_search_vector");
                assertThat(box).contains("early_warning_location");
                assertThat(time).contains("early_warning_observed");
            } finally {
                c.rollback();
            }
        }
    }

    private static String plan(Statement s, String condition) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers off) " + LIST.formatted(condition))) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}

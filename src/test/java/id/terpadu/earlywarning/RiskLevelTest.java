package id.terpadu.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;

import id.terpadu.earlywarning.WarningDtos.EarlyWarningInput;

/**
 * The risk level of an early warning from likelihood × impact (each 1–5): 1–6 RENDAH, 7–12 SEDANG, 13–25 TINGGI, the
 * bounds the reference kind {@code risk-levels} publishes as minScore/maxScore. No Quarkus boot.
 */
class RiskLevelTest {

    @Test
    void theWholeMatrix() {
        StringBuilder rows = new StringBuilder();
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            List<String> cells = new ArrayList<>();
            for (int impact = 1; impact <= 5; impact++) {
                cells.add(RiskLevel.of(likelihood, impact).name().substring(0, 1));
            }
            rows.append(likelihood).append(": ").append(String.join(" ", cells)).append('\n');
        }
        // rows likelihood 5..1, columns impact 1..5; R(endah) S(edang) T(inggi)
        assertThat(rows.toString()).isEqualTo("""
                5: R S T T T
                4: R S S T T
                3: R R S S T
                2: R R R S S
                1: R R R R R
                """);
    }

    @Test
    void theBoundsLieAt6And12() {
        assertThat(RiskLevel.of(2, 3)).isEqualTo(RiskLevel.RENDAH); // 6
        assertThat(RiskLevel.of(3, 2)).isEqualTo(RiskLevel.RENDAH); // 6
        assertThat(RiskLevel.of(2, 4))
                .isEqualTo(RiskLevel.SEDANG); // 8, the lowest score above 6 two factors of 1–5 give
        assertThat(RiskLevel.of(3, 4)).isEqualTo(RiskLevel.SEDANG); // 12
        assertThat(RiskLevel.of(3, 5)).isEqualTo(RiskLevel.TINGGI); // 15, the lowest score above 12
        assertThat(RiskLevel.of(1, 1)).isEqualTo(RiskLevel.RENDAH);
        assertThat(RiskLevel.of(5, 5)).isEqualTo(RiskLevel.TINGGI);
    }

    @Test
    void theLevelDependsOnTheProductOnly() {
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                RiskLevel level = RiskLevel.of(likelihood, impact);
                assertThat(RiskLevel.of(impact, likelihood)).isEqualTo(level);
                int score = likelihood * impact;
                assertThat(level)
                        .as("score %d", score)
                        .isEqualTo(score <= 6 ? RiskLevel.RENDAH : score <= 12 ? RiskLevel.SEDANG : RiskLevel.TINGGI);
            }
        }
    }

    @Test
    void theLevelNeverFallsAsLikelihoodOrImpactRises() {
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                RiskLevel level = RiskLevel.of(likelihood, impact);
                if (likelihood < 5) {
                    assertThat(RiskLevel.of(likelihood + 1, impact)).isGreaterThanOrEqualTo(level);
                }
                if (impact < 5) {
                    assertThat(RiskLevel.of(likelihood, impact + 1)).isGreaterThanOrEqualTo(level);
                }
            }
        }
    }

    /**
     * The rule does not check its range itself (0 × 5 would be RENDAH, 6 × 5 TINGGI): the request record holds
     * likelihood and impact to 1–5 before it is applied.
     */
    @Test
    void theRangeOneToFiveIsEnforcedByTheRequestRecord() {
        for (String name : List.of("likelihood", "impact")) {
            Field annotated = fieldOf(EarlyWarningInput.class, name);
            assertThat(annotated.getAnnotation(NotNull.class)).as(name).isNotNull();
            assertThat(annotated.getAnnotation(Min.class).value()).as(name).isEqualTo(1);
            assertThat(annotated.getAnnotation(Max.class).value()).as(name).isEqualTo(5);
        }
    }

    private static Field fieldOf(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}

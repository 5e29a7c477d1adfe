package id.terpadu.riskindex;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/risk-index}. */
public final class RiskDtos {

    static final String PERIOD = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    static final String MODEL_CODE = "^[A-Z][A-Z0-9_-]{1,39}$";

    private RiskDtos() {}

    /** Where a model's scores come from. */
    @Schema(name = "RiskModelKind")
    public enum ModelKind {
        /** From Terpadu's own records, by the indicators of {@link Indicators}. */
        COMPUTED,
        /** From outside (Bawaslu's IKP, a Kemenag or BNPT index), one CSV per period. */
        IMPORTED
    }

    /** The levels a model scores: every province and every kabupaten/kota. */
    @Schema(name = "RiskRegionLevel")
    public enum Level {
        PROVINSI,
        KABUPATEN_KOTA
    }

    @Schema(name = "RiskIndicator", description = "One indicator of a model: what is counted, its weight and its caps")
    public record Indicator(
            @NotBlank
            @Size(max = 40)
            @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$")
            @Schema(
                    description = "For a COMPUTED model one of INSIDEN, PERINGATAN, STATUS_KONFLIK, TUGAS_TERLAMBAT, "
                            + "NETRALITAS (see the method); for an IMPORTED one a name of a column of its CSV",
                    example = "INSIDEN")
            String code,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Insiden menurut keparahan (jumlah tingkat keparahan 1-5)")
            String name,

            @NotBlank
            @Size(max = 60)
            @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,59}$")
            @Schema(description = "The dimension it belongs to", example = "KEKERASAN")
            String dimension,

            @NotNull @Min(1) @Max(100) @Schema(description = "Its weight in the mean", example = "35")
            Integer weight,

            @NotNull
            @Schema(
                    description = "Per level, the value at which the indicator counts fully (100)",
                    example = "{\"KABUPATEN_KOTA\": 15, \"PROVINSI\": 60}")
            Map<Level, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal> caps) {}

    @Schema(name = "RiskBand", description = "A band and the lowest score (0-100) that falls in it")
    public record Band(
            @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,39}$") @Schema(example = "TINGGI")
            String code,

            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "50")
            BigDecimal from) {}

    @Schema(
            name = "RiskModelInput",
            description = "A model or a new version of one: the version is given by the service (the next of its code)")
    public record ModelInput(
            @NotBlank @Size(max = 40) @Pattern(regexp = MODEL_CODE) @Schema(example = "IKP")
            String code,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Indeks Kerawanan Pemilu (Bawaslu)")
            String name,

            @NotBlank
            @Size(max = 10000)
            @Pattern(regexp = Constraints.NOT_BLANK)
            @Schema(description = "How the scores are made, for a reader of the index")
            String method,

            @NotNull ModelKind kind,

            @NotNull
            @Schema(
                    description =
                            "PUBLIC or RESTRICTED: which records may feed a COMPUTED model (that and below) and who "
                                    + "may read the scores; CONFIDENTIAL records never feed an index")
            Classification classification,

            @Size(max = 20) @Schema(description = "At least one for a COMPUTED model; none for an IMPORTED one")
            List<@Valid @NotNull Indicator> indicators,

            @NotNull @Schema(description = "Per level, its bands (at least two, the first from 0, rising)")
            Map<Level, @NotNull @Size(min = 2, max = 10) List<@Valid @NotNull Band>> bands,

            @NotBlank
            @Size(max = 64)
            @Schema(
                    description = "Code of reference kind conflict-categories given to a warning raised by a rise "
                            + "when the region's records name no category",
                    example = "POLITIK_PEMILU")
            String warningCategory) {}

    @Schema(name = "RiskModel")
    public record ModelResponse(
            String code,
            int version,
            String name,
            String method,
            ModelKind kind,
            Classification classification,
            List<Indicator> indicators,
            Map<Level, List<Band>> bands,
            String warningCategory,
            Instant createdAt,
            String createdBy) {}

    @Schema(name = "RiskModelList")
    public record ModelList(List<ModelResponse> items) {}

    @Schema(name = "RiskInput", description = "An indicator's value in a score and its scaled value (0-100)")
    public record InputValue(
            @Schema(example = "12") BigDecimal value,
            @Schema(example = "80") BigDecimal scaled) {}

    @Schema(name = "RiskScore")
    public record Score(
            @Schema(example = "13.77") String regionCode,
            @Schema(example = "Kota Pariaman") String regionName,
            Level level,
            @Schema(example = "2026-11") String period,
            @Schema(example = "54.17") BigDecimal score,
            @Schema(example = "TINGGI") String band,

            @Schema(description = "The inputs by indicator (for an IMPORTED model, the columns of its line)")
            Map<String, InputValue> inputs,

            @Schema(description = "When the score was made") Instant computedAt,

            @Schema(
                    description = "Who or what made it: system:risk-index or the importing person",
                    example = "system:risk-index")
            String computedBy,

            @Schema(description = "The import it came from (IMPORTED models)")
            UUID importId,

            @Schema(description = "The early warning raised when this period's band rose")
            UUID warningId) {}

    @Schema(
            name = "RiskTable",
            description = "Scores of one model version, level and period, keyed by Kemendagri code (regions in your "
                    + "scope), for a choropleth joined to the caller's own boundaries")
    public record Table(
            @Schema(example = "TERPADU") String model,
            @Schema(example = "1") int version,

            @Schema(description = "Who may read these scores")
            Classification classification,

            Level level,
            @Schema(example = "2026-11") String period,
            List<Score> scores) {}

    @Schema(name = "RiskHistory", description = "A region's scores by period, newest first: its trend")
    public record History(
            @Schema(example = "TERPADU") String model,
            @Schema(example = "1") int version,
            @Schema(example = "13.77") String regionCode,
            List<Score> scores) {}

    @Schema(name = "RiskComputationInput")
    public record ComputationInput(
            @Size(max = 7)
            @Pattern(regexp = PERIOD)
            @Schema(description = "The month (default the current one, in Western Indonesia Time)", example = "2026-11")
            String period) {}

    @Schema(name = "RiskComputation", description = "What a computation or an import did")
    public record Computation(
            @Schema(example = "TERPADU") String model,
            @Schema(example = "1") int version,
            @Schema(example = "2026-11") String period,

            @Schema(description = "Regions scored", example = "552")
            int regions,

            @Schema(
                    description = "Regions whose band rose above the previous period's and got an early warning",
                    example = "3")
            int warningsRaised,

            @Schema(description = "The import (IMPORTED models)")
            UUID importId) {}
}

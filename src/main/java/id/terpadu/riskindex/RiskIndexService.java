package id.terpadu.riskindex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import id.terpadu.common.csv.CsvRecords;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningInput;
import id.terpadu.earlywarning.WarningService;
import id.terpadu.incident.SourceKind;
import id.terpadu.reference.ReferenceService;
import id.terpadu.riskindex.RiskDtos.Band;
import id.terpadu.riskindex.RiskDtos.Computation;
import id.terpadu.riskindex.RiskDtos.ComputationInput;
import id.terpadu.riskindex.RiskDtos.History;
import id.terpadu.riskindex.RiskDtos.Indicator;
import id.terpadu.riskindex.RiskDtos.InputValue;
import id.terpadu.riskindex.RiskDtos.Level;
import id.terpadu.riskindex.RiskDtos.ModelInput;
import id.terpadu.riskindex.RiskDtos.ModelKind;
import id.terpadu.riskindex.RiskDtos.ModelResponse;
import id.terpadu.riskindex.RiskDtos.Score;
import id.terpadu.riskindex.RiskDtos.Table;

/**
 * The regional risk index: models as versioned data, scores per model version, region and month (computed from
 * Terpadu's records or imported), and an early warning for a region whose band rises. Scores are readable by those
 * who may read the model's classification, within their region scope; writing (models, computations, imports) is
 * for a national ADMIN.
 */
@ApplicationScoped
public class RiskIndexService {

    /** The detail of a refused import: how many lines are bad, and how many of them are listed. */
    private static final java.util.function.BiFunction<Integer, Integer, Message> IMPORT_REFUSED =
            (count, listed) -> count > listed
                    ? Message.of("risk.import.invalid.first", "count", count, "listed", listed)
                    : Message.of("risk.import.invalid", "count", count);

    static final String ACTOR = "system:risk-index";
    static final int HISTORY_PERIODS = 120;
    static final int MAX_IMPORT_LINES = 2000;
    static final String FIRST_PERIOD = "2000-01";

    private final RiskRepository repository;
    private final Caller caller;
    private final Clearance clearance;
    private final ReferenceService reference;
    private final WarningService warnings;

    RiskIndexService(
            RiskRepository repository,
            Caller caller,
            Clearance clearance,
            ReferenceService reference,
            WarningService warnings) {
        this.repository = repository;
        this.caller = caller;
        this.clearance = clearance;
        this.reference = reference;
        this.warnings = warnings;
    }

    // --- models ---------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModelResponse> models() {
        return repository.models(null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModelResponse model(String code, Integer version) {
        ModelResponse model = repository.model(code, version);
        if (model == null) {
            throw ProblemException.notFound(
                    version == null
                            ? Message.of("risk.model.not-found", "code", code)
                            : Message.of("risk.model.version.not-found", "code", code, "version", version));
        }
        return model;
    }

    /** Defines a model, or the next version of one (the version is the next of its code). */
    @Transactional
    public ModelResponse define(ModelInput input) {
        caller.scope().requireNational(Message.of("risk.national-only"));
        List<Indicator> indicators = input.indicators() == null ? List.of() : List.copyOf(input.indicators());
        if (input.classification() == Classification.CONFIDENTIAL) {
            throw ProblemException.invalid(
                    "classification",
                    Message.of("risk.model.classification"),
                    List.of(Classification.PUBLIC.name(), Classification.RESTRICTED.name()));
        }
        if (input.kind() == ModelKind.COMPUTED && indicators.isEmpty()) {
            throw ProblemException.invalid("indicators", Message.of("risk.model.indicators.required"));
        }
        if (input.kind() == ModelKind.IMPORTED && !indicators.isEmpty()) {
            throw ProblemException.invalid("indicators", Message.of("risk.model.indicators.imported"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String field = "indicators[" + i + "]";
            if (!Indicators.ALL.contains(indicator.code())) {
                throw ProblemException.invalid(
                        field + ".code", Message.of("risk.model.indicator.unknown"), Indicators.ALL);
            }
            if (!seen.add(indicator.code())) {
                throw ProblemException.invalid(field + ".code", Message.of("risk.model.indicator.twice"));
            }
            for (Level level : Level.values()) {
                if (indicator.caps().get(level) == null) {
                    throw ProblemException.invalid(
                            field + ".caps", Message.of("risk.model.indicator.caps", "level", level.name()));
                }
            }
        }
        Map<Level, List<Band>> bands = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            List<Band> list = input.bands().get(level);
            String field = "bands." + level.name();
            if (list == null) {
                throw ProblemException.invalid(field, Message.of("risk.model.bands.level", "level", level.name()));
            }
            if (list.get(0).from().signum() != 0) {
                throw ProblemException.invalid(field, Message.of("risk.model.bands.first"));
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                if (!codes.add(list.get(i).code())
                        || (i > 0
                                && list.get(i).from().compareTo(list.get(i - 1).from()) <= 0)) {
                    throw ProblemException.invalid(field, Message.of("risk.model.bands.rising"));
                }
            }
            bands.put(level, List.copyOf(list));
        }
        reference.requireCode("conflict-categories", input.warningCategory(), "warningCategory");
        ModelResponse model = new ModelResponse(
                input.code(),
                0,
                input.name().trim(),
                input.method(),
                input.kind(),
                input.classification(),
                indicators,
                bands,
                input.warningCategory(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                caller.subject());
        int version = repository.insertModel(model);
        return repository.model(input.code(), version);
    }

    // --- reading --------------------------------------------------------------------------------------------

    /**
     * The scores of a model version, level and period in the caller's scope (within {@code region} when given). The
     * period defaults to the latest one with scores. 403 when the caller may not read the model's classification.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Table table(String code, Integer version, Level level, String period, String region) {
        ModelResponse model = readable(code, version);
        String shown = period != null ? requirePeriod(period, "period") : repository.latestPeriod(model);
        if (shown == null) {
            shown = currentPeriod();
        }
        Level wanted = level == null ? Level.KABUPATEN_KOTA : level;
        List<Score> scores = repository.table(model, wanted, shown).stream()
                .filter(s -> caller.scope().canRead(s.regionCode()))
                .filter(s -> region == null || RegionCode.within(s.regionCode(), region))
                .toList();
        return new Table(model.code(), model.version(), model.classification(), wanted, shown, scores);
    }

    /** A region's scores by period, newest first; 404 for a region outside the caller's scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public History history(String regionCode, String code, Integer version) {
        RiskRepository.Region region = repository.region(regionCode);
        if (region == null || !caller.scope().canRead(regionCode)) {
            throw ProblemException.notFound(Message.of("risk.region.not-found", "code", regionCode));
        }
        ModelResponse model = readable(code, version);
        return new History(
                model.code(),
                model.version(),
                region.code(),
                repository.history(model, region.code(), HISTORY_PERIODS));
    }

    private ModelResponse readable(String code, Integer version) {
        ModelResponse model = model(code, version);
        if (!clearance.canRead(model.classification())) {
            throw ProblemException.forbidden(Message.of(
                    "risk.model.classified",
                    "code",
                    model.code(),
                    "classification",
                    model.classification().name()));
        }
        return model;
    }

    // --- computing and importing ------------------------------------------------------------------------------

    /** Computes a COMPUTED model's latest version for a period (default the current month); a national ADMIN's. */
    @Transactional
    public Computation compute(String code, ComputationInput input) {
        caller.scope().requireNational(Message.of("risk.national-only"));
        String period = input.period() == null ? currentPeriod() : requirePeriod(input.period(), "period");
        ModelResponse model = model(code, null);
        if (model.kind() != ModelKind.COMPUTED) {
            throw ProblemException.conflict(Message.of("risk.model.not-computed", "code", model.code()));
        }
        return computed(model, period);
    }

    /** The scheduled computation: the current month of every COMPUTED model's latest version. */
    @Transactional
    public List<Computation> computeAll() {
        caller.actAsSystem(ACTOR);
        String period = currentPeriod();
        List<Computation> done = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ModelResponse model : models()) {
            if (model.kind() == ModelKind.COMPUTED && codes.add(model.code())) {
                done.add(computed(model, period));
            }
        }
        return done;
    }

    private Computation computed(ModelResponse model, String period) {
        caller.actAsSystem(ACTOR);
        repository.lock(model.code());
        YearMonth month = YearMonth.parse(period);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant end = month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(ConflictStatusService.ZONE)
                .toInstant();
        Instant to = end.isAfter(now) ? now : end;
        Instant from = to.minus(Indicators.WINDOW_DAYS, ChronoUnit.DAYS);
        LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1000), ConflictStatusService.ZONE);
        List<Classification> classes = List.copyOf(model.classification().andBelow());
        List<RiskRepository.NewScore> scores = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<RiskRepository.Region> regions = repository.regions();
        for (Level level : Level.values()) {
            int length = level == Level.PROVINSI ? 2 : 5;
            Map<String, Map<String, BigDecimal>> values = new HashMap<>();
            for (Indicator indicator : model.indicators()) {
                values.put(
                        indicator.code(), repository.indicator(indicator.code(), length, from, to, lastDay, classes));
            }
            for (RiskRepository.Region region : regions) {
                if (region.level() != level) {
                    continue;
                }
                names.put(region.code(), region.name());
                Map<String, InputValue> inputs = new LinkedHashMap<>();
                BigDecimal weighted = BigDecimal.ZERO;
                BigDecimal weights = BigDecimal.ZERO;
                for (Indicator indicator : model.indicators()) {
                    BigDecimal value = values.get(indicator.code()).getOrDefault(region.code(), BigDecimal.ZERO);
                    BigDecimal scaled = value.multiply(BigDecimal.valueOf(100))
                            .divide(indicator.caps().get(level), 2, RoundingMode.HALF_UP)
                            .min(BigDecimal.valueOf(100));
                    inputs.put(indicator.code(), new InputValue(value, scaled));
                    weighted = weighted.add(scaled.multiply(BigDecimal.valueOf(indicator.weight())));
                    weights = weights.add(BigDecimal.valueOf(indicator.weight()));
                }
                BigDecimal score = weighted.divide(weights, 2, RoundingMode.HALF_UP);
                scores.add(scored(model, region.code(), level, score, inputs));
            }
        }
        repository.writeScores(model, period, scores, now, ACTOR, null, false);
        int raised = raise(model, period, from, to, classes);
        Log.infof(
                "Risk index %s v%d for %s: %d regions, %d warning(s) raised",
                model.code(), model.version(), period, scores.size(), raised);
        return new Computation(model.code(), model.version(), period, scores.size(), raised, null);
    }

    /**
     * Imports an IMPORTED model's scores of one period from a CSV {@code kode,skor[,column…]}: every line checked
     * (a province or kabupaten/kota code in force, once; a score 0-100; further columns numbers or empty), all or
     * nothing; the import replaces the period's earlier scores of that model version.
     */
    @Transactional
    public Computation importCsv(String code, Integer version, String period, String csv) {
        caller.scope().requireNational(Message.of("risk.national-only"));
        if (period == null) {
            throw ProblemException.invalid("period", Message.of("risk.period.required"));
        }
        String month = requirePeriod(period, "period");
        ModelResponse model = model(code, version);
        if (model.kind() != ModelKind.IMPORTED) {
            throw ProblemException.conflict(Message.of("risk.model.not-imported", "code", model.code()));
        }
        Map<String, RiskRepository.Region> regions = new HashMap<>();
        for (RiskRepository.Region region : repository.regions()) {
            regions.put(region.code(), region);
        }
        List<RiskRepository.NewScore> scores = parse(model, csv, regions);
        repository.lock(model.code());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID importId = UUID.randomUUID();
        repository.insertImport(importId, model, month, scores.size(), sha256(csv), now, caller.subject());
        repository.writeScores(model, month, scores, now, caller.subject(), importId, true);
        List<Classification> classes = List.copyOf(model.classification().andBelow());
        Instant end = YearMonth.parse(month)
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ConflictStatusService.ZONE)
                .toInstant();
        int raised = raise(model, month, end.minus(Indicators.WINDOW_DAYS, ChronoUnit.DAYS), end, classes);
        return new Computation(model.code(), model.version(), month, scores.size(), raised, importId);
    }

    private List<RiskRepository.NewScore> parse(
            ModelResponse model, String csv, Map<String, RiskRepository.Region> regions) {
        CsvRecords.Read read = CsvRecords.read(csv);
        CsvRecords.Problems problems = new CsvRecords.Problems();
        if (read.unclosedQuoteAt() != null) {
            problems.add("line " + read.unclosedQuoteAt(), Message.of("region.csv.unclosed-quote"));
        }
        List<CsvRecords.Line> lines = read.lines();
        List<RiskRepository.NewScore> scores = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add("body", Message.of("risk.csv.empty"));
            throw problems.refusal(IMPORT_REFUSED);
        }
        List<String> header = lines.get(0).fields().stream().map(String::trim).toList();
        if (header.size() < 2
                || !((header.get(0).equalsIgnoreCase("kode") && header.get(1).equalsIgnoreCase("skor"))
                        || (header.get(0).equalsIgnoreCase("code")
                                && header.get(1).equalsIgnoreCase("score")))
                || header.size() > 22
                || header.stream().skip(2).anyMatch(h -> !h.matches("^[A-Za-z][A-Za-z0-9_]{0,39}$"))
                || new HashSet<>(header).size() != header.size()) {
            problems.add("line 1", Message.of("risk.csv.header"));
            throw problems.refusal(IMPORT_REFUSED);
        }
        if (lines.size() - 1 > MAX_IMPORT_LINES) {
            problems.add("body", Message.of("risk.csv.too-long", "max", MAX_IMPORT_LINES));
            throw problems.refusal(IMPORT_REFUSED);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            if (line.blank()) {
                continue;
            }
            List<String> fields = line.fields();
            String where = line.where();
            if (fields.size() != header.size()) {
                problems.add(where, Message.of("risk.csv.fields", "expected", header.size(), "found", fields.size()));
                continue;
            }
            String code = fields.get(0).trim();
            RiskRepository.Region region = regions.get(code);
            if (region == null) {
                problems.add(where, Message.of("risk.csv.region", "code", code));
                continue;
            }
            Integer first = seen.putIfAbsent(code, line.number());
            if (first != null) {
                problems.add(where, Message.of("region.csv.duplicate", "code", code, "line", first));
                continue;
            }
            BigDecimal score = number(fields.get(1));
            if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(where, Message.of("risk.csv.score"));
                continue;
            }
            Map<String, InputValue> inputs = new LinkedHashMap<>();
            boolean bad = false;
            for (int i = 2; i < fields.size(); i++) {
                String text = fields.get(i).trim();
                BigDecimal value = text.isEmpty() ? null : number(text);
                if (!text.isEmpty() && value == null) {
                    problems.add(where, Message.of("risk.csv.value", "column", header.get(i)));
                    bad = true;
                    break;
                }
                inputs.put(header.get(i), new InputValue(value, null));
            }
            if (!bad) {
                scores.add(scored(model, code, region.level(), score.setScale(2, RoundingMode.HALF_UP), inputs));
            }
        }
        if (!problems.any() && scores.isEmpty()) {
            problems.add("body", Message.of("risk.csv.no-lines"));
        }
        if (problems.any()) {
            throw problems.refusal(IMPORT_REFUSED);
        }
        return scores;
    }

    private static BigDecimal number(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("^-?[0-9]{1,7}(\\.[0-9]{1,6})?$")) {
            return null;
        }
        return new BigDecimal(trimmed);
    }

    private static RiskRepository.NewScore scored(
            ModelResponse model, String region, Level level, BigDecimal score, Map<String, InputValue> inputs) {
        List<Band> bands = model.bands().get(level);
        int rank = 0;
        for (int i = 0; i < bands.size(); i++) {
            if (score.compareTo(bands.get(i).from()) >= 0) {
                rank = i;
            }
        }
        return new RiskRepository.NewScore(region, level, score, bands.get(rank).code(), rank, inputs, null);
    }

    /**
     * An early warning for each region whose band rose above its previous period's, once per period and band: in the
     * region, of its commonest category in the window (else the model's), classified as the model, unverified.
     */
    private int raise(ModelResponse model, String period, Instant from, Instant to, List<Classification> classes) {
        List<RiskRepository.Rise> rises = repository.rises(model, period);
        if (rises.isEmpty()) {
            return 0;
        }
        caller.actAsSystem(ACTOR);
        Map<Level, Map<String, String>> categories = new HashMap<>();
        for (RiskRepository.Rise rise : rises) {
            int length = rise.level() == Level.PROVINSI ? 2 : 5;
            String category = categories
                    .computeIfAbsent(rise.level(), l -> repository.categories(length, from, to, classes))
                    .getOrDefault(rise.regionCode(), model.warningCategory());
            int bandCount = model.bands().get(rise.level()).size();
            int grade = rise.bandRank() == bandCount - 1 ? 4 : 3;
            List<String> moved = new ArrayList<>();
            rise.inputs().forEach((indicator, value) -> {
                InputValue before = rise.previousInputs().get(indicator);
                BigDecimal was = before == null || before.value() == null ? BigDecimal.ZERO : before.value();
                if (value.value() != null && value.value().compareTo(was) > 0) {
                    moved.add(indicator + ": " + was.stripTrailingZeros().toPlainString() + " → "
                            + value.value().stripTrailingZeros().toPlainString());
                }
            });
            String previous = rise.previousBand() == null
                    ? model.bands().get(rise.level()).get(0).code()
                    : rise.previousBand();
            String title = "Kelas risiko wilayah " + rise.regionCode() + " naik dari " + previous + " ke " + rise.band()
                    + " (" + model.code() + " v" + model.version() + ", " + period + ")";
            String description = "Indeks " + model.name() + " versi " + model.version() + ", periode " + period
                    + ": kelas " + rise.band() + ". Metode dan bobot: GET /api/v1/risk-index/models/" + model.code()
                    + "?version=" + model.version() + "; riwayat wilayah: GET /api/v1/risk-index/regions/"
                    + rise.regionCode() + "?model=" + model.code() + ".";
            var warning = warnings.raise(new EarlyWarningInput(
                    null,
                    rise.regionCode(),
                    category,
                    title.length() > 300 ? title.substring(0, 300) : title,
                    description,
                    null,
                    moved.stream().limit(50).toList(),
                    grade,
                    grade,
                    null,
                    SourceKind.INDEKS_RISIKO,
                    model.classification(),
                    null,
                    null,
                    // no point, observed now, about no particular day, no expiry: a region's standing, not an event
                    null,
                    null,
                    null,
                    null,
                    null));
            repository.warned(model, period, rise.regionCode(), warning.id(), rise.bandRank());
        }
        return rises.size();
    }

    /** The current month in Western Indonesia Time, as {@code YYYY-MM}. */
    static String currentPeriod() {
        return YearMonth.now(ConflictStatusService.ZONE).toString();
    }

    /** A model code's form ({@link RiskDtos#MODEL_CODE}); 400 otherwise. */
    static String requireModelCode(String code, String field) {
        if (code.length() > 40 || !code.matches(RiskDtos.MODEL_CODE)) {
            throw ProblemException.invalid(field, Message.of("risk.model.code"));
        }
        return code;
    }

    /** A period {@code YYYY-MM} from 2000-01 to the current month; 400 otherwise. */
    static String requirePeriod(String period, String field) {
        if (!period.matches(RiskDtos.PERIOD)
                || period.compareTo(FIRST_PERIOD) < 0
                || period.compareTo(currentPeriod()) > 0) {
            throw ProblemException.invalid(
                    field, Message.of("risk.period", "first", FIRST_PERIOD, "last", currentPeriod()));
        }
        return period;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

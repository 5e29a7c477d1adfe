package id.terpadu.riskindex;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.security.Classification;
import id.terpadu.riskindex.RiskDtos.Band;
import id.terpadu.riskindex.RiskDtos.Indicator;
import id.terpadu.riskindex.RiskDtos.InputValue;
import id.terpadu.riskindex.RiskDtos.Level;
import id.terpadu.riskindex.RiskDtos.ModelKind;
import id.terpadu.riskindex.RiskDtos.ModelResponse;
import id.terpadu.riskindex.RiskDtos.Score;

/** The risk index tables (models, scores, imports) and the counts its COMPUTED indicators read, in plain SQL. */
@ApplicationScoped
class RiskRepository {

    /** A region scored by the index. */
    record Region(String code, String name, Level level) {}

    /** A score to write. */
    record NewScore(
            String regionCode,
            Level level,
            BigDecimal score,
            String band,
            int bandRank,
            Map<String, InputValue> inputs,
            String category) {}

    /** A score whose band rose above the previous period's and that has not raised a warning at this band yet. */
    record Rise(
            String regionCode,
            Level level,
            String band,
            int bandRank,
            Map<String, InputValue> inputs,
            String previousBand,
            Map<String, InputValue> previousInputs) {}

    private static final String SCORE_COLUMNS = "s.region_code, r.name, s.level, s.period, s.score, s.band, s.inputs, "
            + "s.computed_at, s.computed_by, s.import_id, s.warning_id";
    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {};
    private static final TypeReference<Map<Level, List<Band>>> BANDS = new TypeReference<>() {};
    private static final TypeReference<Map<String, InputValue>> INPUTS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    RiskRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    // --- models ---------------------------------------------------------------------------------------------

    List<ModelResponse> models(String code) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select code, version, name, method, kind, classification, "
                    + "indicators, bands, warning_category, created_at, created_by from risk_model "
                    + "where ?::text is null or code = ? order by code, version desc")) {
                s.setString(1, code);
                s.setString(2, code);
                List<ModelResponse> models = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        models.add(new ModelResponse(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getString(4),
                                ModelKind.valueOf(rs.getString(5)),
                                Classification.valueOf(rs.getString(6)),
                                read(rs.getString(7), INDICATORS),
                                read(rs.getString(8), BANDS),
                                rs.getString(9),
                                rs.getTimestamp(10).toInstant(),
                                rs.getString(11)));
                    }
                }
                return models;
            }
        });
    }

    /** The version of the model, or its latest when {@code version} is null; null when there is none. */
    ModelResponse model(String code, Integer version) {
        return models(code).stream()
                .filter(m -> version == null || m.version() == version)
                .findFirst()
                .orElse(null);
    }

    /** Inserts the model as the next version of its code, taking a lock so that two definitions get two versions. */
    int insertModel(ModelResponse model) {
        return work(c -> {
            try (PreparedStatement lock =
                    c.prepareStatement("select pg_advisory_xact_lock(hashtext('risk_model:' || ?))")) {
                lock.setString(1, model.code());
                lock.execute();
            }
            try (PreparedStatement s = c.prepareStatement("insert into risk_model (code, version, name, method, kind, "
                    + "classification, indicators, bands, warning_category, created_at, created_by) "
                    + "select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ? "
                    + "from risk_model where code = ? returning version")) {
                s.setString(1, model.code());
                s.setString(2, model.name());
                s.setString(3, model.method());
                s.setString(4, model.kind().name());
                s.setString(5, model.classification().name());
                s.setString(6, write(model.indicators()));
                s.setString(7, write(model.bands()));
                s.setString(8, model.warningCategory());
                s.setTimestamp(9, Timestamp.from(model.createdAt()));
                s.setString(10, model.createdBy());
                s.setString(11, model.code());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Makes the computations and imports of one model code take turns, until the transaction ends. */
    void lock(String model) {
        work(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("select pg_advisory_xact_lock(hashtext('risk_score:' || ?))")) {
                s.setString(1, model);
                s.execute();
            }
            return null;
        });
    }

    // --- regions and indicators -------------------------------------------------------------------------------

    private static final String SCORED_REGIONS =
            "select code, name, level from region where level in ('PROVINSI', 'KABUPATEN', 'KOTA') and retired_at is null";

    /** Every province and kabupaten/kota in force. */
    List<Region> regions() {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(SCORED_REGIONS + " order by code")) {
                return regions(s);
            }
        });
    }

    /** The level of a region scored by the index, or null (unknown, retired, or a kecamatan or desa). */
    Region region(String code) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(SCORED_REGIONS + " and code = ?")) {
                s.setString(1, code);
                List<Region> found = regions(s);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    private static List<Region> regions(PreparedStatement s) throws SQLException {
        List<Region> regions = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Level level = rs.getString(3).equals("PROVINSI") ? Level.PROVINSI : Level.KABUPATEN_KOTA;
                regions.add(new Region(rs.getString(1), rs.getString(2), level));
            }
        }
        return regions;
    }

    /**
     * The value of a COMPUTED indicator per region code cut to {@code length} characters (2: province, 5:
     * kabupaten/kota), over the window {@code [from, to)}, from records of the given classifications.
     */
    Map<String, BigDecimal> indicator(
            String code, int length, Instant from, Instant to, LocalDate lastDay, List<Classification> classes) {
        String sql = switch (code) {
            case Indicators.INSIDEN ->
                "select substr(region_code, 1, ?), sum(severity) from incident "
                        + "where occurred_from >= ? and occurred_from < ? and classification = any(?) "
                        + "and verification not in ('TIDAK_VALID', 'DUPLIKAT') group by 1";
            case Indicators.PERINGATAN ->
                "select substr(region_code, 1, ?), sum(case risk_level "
                        + "when 'TINGGI' then 3 when 'SEDANG' then 2 else 1 end) from early_warning "
                        + "where created_at >= ? and created_at < ? and classification = any(?) and status <> 'REDA' "
                        + "and verification not in ('TIDAK_VALID', 'DUPLIKAT') and source_kind <> 'INDEKS_RISIKO' "
                        + "group by 1";
            case Indicators.TUGAS_TERLAMBAT ->
                "select substr(coalesce(i.region_code, w.region_code), 1, ?), "
                        + "count(*) from incident_task t left join incident i on i.id = t.incident_id "
                        + "left join early_warning w on w.id = t.warning_id "
                        + "where t.state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE') and t.due_at >= ? and t.due_at < ? "
                        + "and coalesce(i.classification, w.classification) = any(?) group by 1";
            case Indicators.NETRALITAS ->
                "select substr(c.region_code, 1, ?), count(distinct c.id) "
                        + "from neutrality_case c join neutrality_person p on p.case_id = c.id "
                        + "where c.created_at >= ? and c.created_at < ? and 'RESTRICTED' = any(?) "
                        + "and p.status in ('DITERIMA', 'KAJIAN', 'REKOMENDASI') group by 1";
            case Indicators.STATUS_KONFLIK -> null;
            default -> throw new IllegalArgumentException(code);
        };
        if (sql == null) {
            return activeStatuses(length, lastDay);
        }
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, length);
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                s.setArray(
                        4,
                        c.createArrayOf("text", classes.stream().map(Enum::name).toArray()));
                return values(s);
            }
        });
    }

    /** 1 for each region (cut to {@code length}) that an active Status Keadaan Konflik covers on {@code day}. */
    private Map<String, BigDecimal> activeStatuses(int length, LocalDate day) {
        return work(c -> {
            // a national status covers every region; a province's covers it and its kabupaten/kota; a kabupaten/kota's
            // covers it and its province
            try (PreparedStatement s =
                    c.prepareStatement("select distinct substr(r.code, 1, ?), 1 from conflict_status s "
                            + "join region r on r.level in ('PROVINSI', 'KABUPATEN', 'KOTA') and r.retired_at is null "
                            + "and (s.region_code is null or r.code = s.region_code or r.code like s.region_code || '.%' "
                            + "or s.region_code like r.code || '.%') "
                            + "where s.starts_on <= ? and s.ends_on >= ? and (s.revoked_on is null or s.revoked_on > ?) "
                            + "and length(r.code) = ?")) {
                s.setInt(1, length);
                s.setDate(2, Date.valueOf(day));
                s.setDate(3, Date.valueOf(day));
                s.setDate(4, Date.valueOf(day));
                s.setInt(5, length);
                return values(s);
            }
        });
    }

    /** The commonest conflict category of each region's incidents and warnings in the window. */
    Map<String, String> categories(int length, Instant from, Instant to, List<Classification> classes) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select distinct on (r) r, category_code from ("
                    + "select substr(region_code, 1, ?) r, category_code, count(*) n from ("
                    + "select region_code, category_code from incident where occurred_from >= ? and occurred_from < ? "
                    + "and classification = any(?) union all "
                    + "select region_code, category_code from early_warning where created_at >= ? and created_at < ? "
                    + "and classification = any(?) and source_kind <> 'INDEKS_RISIKO') x group by 1, 2) y "
                    + "order by r, n desc, category_code")) {
                Array array =
                        c.createArrayOf("text", classes.stream().map(Enum::name).toArray());
                s.setInt(1, length);
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                s.setArray(4, array);
                s.setTimestamp(5, Timestamp.from(from));
                s.setTimestamp(6, Timestamp.from(to));
                s.setArray(7, array);
                Map<String, String> found = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                return found;
            }
        });
    }

    private static Map<String, BigDecimal> values(PreparedStatement s) throws SQLException {
        Map<String, BigDecimal> found = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        return found;
    }

    // --- scores ---------------------------------------------------------------------------------------------

    /**
     * Writes one period's scores of a model version: an existing score of the same region is replaced (a later
     * computation of the running month, or a new import); with {@code replaceAll}, the period's other scores go.
     */
    void writeScores(
            ModelResponse model,
            String period,
            List<NewScore> scores,
            Instant at,
            String by,
            UUID importId,
            boolean replaceAll) {
        work(c -> {
            if (replaceAll) {
                try (PreparedStatement d = c.prepareStatement("delete from risk_score where model_code = ? "
                        + "and model_version = ? and period = ? and not (region_code = any(?))")) {
                    d.setString(1, model.code());
                    d.setInt(2, model.version());
                    d.setString(3, period);
                    d.setArray(
                            4,
                            c.createArrayOf(
                                    "text",
                                    scores.stream().map(NewScore::regionCode).toArray()));
                    d.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into risk_score (model_code, model_version, period, "
                    + "region_code, level, score, band, band_rank, inputs, computed_at, computed_by, import_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) "
                    + "on conflict (model_code, model_version, period, region_code) do update set level = excluded.level, "
                    + "score = excluded.score, band = excluded.band, band_rank = excluded.band_rank, "
                    + "inputs = excluded.inputs, computed_at = excluded.computed_at, computed_by = excluded.computed_by, "
                    + "import_id = excluded.import_id")) {
                for (NewScore score : scores) {
                    s.setString(1, model.code());
                    s.setInt(2, model.version());
                    s.setString(3, period);
                    s.setString(4, score.regionCode());
                    s.setString(5, score.level().name());
                    s.setBigDecimal(6, score.score());
                    s.setString(7, score.band());
                    s.setInt(8, score.bandRank());
                    s.setString(9, write(score.inputs()));
                    s.setTimestamp(10, Timestamp.from(at));
                    s.setString(11, by);
                    s.setObject(12, importId, Types.OTHER);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    void insertImport(UUID id, ModelResponse model, String period, int rows, String sha256, Instant at, String by) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into risk_import (id, model_code, model_version, "
                    + "period, rows, sha256, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, id, Types.OTHER);
                s.setString(2, model.code());
                s.setInt(3, model.version());
                s.setString(4, period);
                s.setInt(5, rows);
                s.setString(6, sha256);
                s.setTimestamp(7, Timestamp.from(at));
                s.setString(8, by);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The period's scores whose band ranks above the region's band in the latest earlier period of the same model
     * code (none: the lowest band), and that have not raised a warning at this band or above in this period.
     */
    List<Rise> rises(ModelResponse model, String period) {
        return work(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("select s.region_code, s.level, s.band, s.band_rank, s.inputs, "
                            + "p.band, p.inputs from risk_score s left join lateral (select band, band_rank, inputs from risk_score p "
                            + "where p.model_code = s.model_code and p.region_code = s.region_code and p.period < s.period "
                            + "order by p.period desc, p.model_version desc limit 1) p on true "
                            + "where s.model_code = ? and s.model_version = ? and s.period = ? "
                            + "and s.band_rank > coalesce(p.band_rank, 0) and coalesce(s.warned_rank, -1) < s.band_rank "
                            + "order by s.region_code")) {
                s.setString(1, model.code());
                s.setInt(2, model.version());
                s.setString(3, period);
                List<Rise> rises = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rises.add(new Rise(
                                rs.getString(1),
                                Level.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getInt(4),
                                read(rs.getString(5), INPUTS),
                                rs.getString(6),
                                rs.getString(7) == null ? Map.of() : read(rs.getString(7), INPUTS)));
                    }
                }
                return rises;
            }
        });
    }

    void warned(ModelResponse model, String period, String region, UUID warning, int rank) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("update risk_score set warning_id = ?, warned_rank = ? "
                    + "where model_code = ? and model_version = ? and period = ? and region_code = ?")) {
                s.setObject(1, warning, Types.OTHER);
                s.setInt(2, rank);
                s.setString(3, model.code());
                s.setInt(4, model.version());
                s.setString(5, period);
                s.setString(6, region);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A period's scores of one level (every region of it; the caller's scope is applied by the service). */
    List<Score> table(ModelResponse model, Level level, String period) {
        return scores(
                "s.model_code = ? and s.model_version = ? and s.level = ? and s.period = ? order by s.region_code",
                model.code(),
                model.version(),
                level.name(),
                period);
    }

    /** A region's scores of one model version, newest period first. */
    List<Score> history(ModelResponse model, String region, int limit) {
        return scores(
                "s.model_code = ? and s.model_version = ? and s.region_code = ? order by s.period desc limit " + limit,
                model.code(),
                model.version(),
                region);
    }

    /** The latest period with scores of the model version, or null. */
    String latestPeriod(ModelResponse model) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select max(period) from risk_score where model_code = ? and model_version = ?")) {
                s.setString(1, model.code());
                s.setInt(2, model.version());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private List<Score> scores(String where, Object... values) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select " + SCORE_COLUMNS
                    + " from risk_score s join region r on r.code = s.region_code where " + where)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                List<Score> scores = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        scores.add(new Score(
                                rs.getString(1),
                                rs.getString(2),
                                Level.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getBigDecimal(5),
                                rs.getString(6),
                                read(rs.getString(7), INPUTS),
                                rs.getTimestamp(8).toInstant(),
                                rs.getString(9),
                                rs.getObject(10, UUID.class),
                                rs.getObject(11, UUID.class)));
                    }
                }
                return scores;
            }
        });
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk index: stored JSON does not read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk index: JSON does not write", e);
        }
    }
}

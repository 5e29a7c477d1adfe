package id.terpadu.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Classification;

/**
 * Likely duplicates of a record: the candidate query shared by incidents, early warnings and community reports, and
 * the shape of its answer.
 *
 * <p>Candidates lie in the same province as the record (a neighbouring kabupaten/kota is where a second report of the
 * same event often comes from: a market on the border, a report from the provincial police), in the same category
 * family (the category, its parent and their sub-categories; any category when the record has none), and within the
 * time window around the record's time ({@code terpadu.similar.window-hours}). Among them the score ranks by text:
 * PostgreSQL's trigram similarity ({@code pg_trgm}), which survives typos and reworded word order, of the titles and
 * of title and description together; then by nearness in time, the same kabupaten/kota and the same category. The
 * score is {@code 0.6 × text + 0.2 × time + 0.1 × kabupaten/kota + 0.1 × category}, each part 0..1 (related category
 * 0.5), so a score reads as a share of agreement.
 *
 * <p>Who may see a candidate is the lists' rule: the caller's region scope and clearance are part of the where-clause,
 * so a hidden record is neither shown nor counted nor takes a place of the limit.
 */
public final class Similar {

    /** The most candidates an answer holds. */
    public static final int MAX_LIMIT = 50;

    public static final int DEFAULT_LIMIT = 10;

    private Similar() {}

    /** Why a candidate was proposed; the similarities and hours carry their value. */
    public enum ReasonCode {
        SAME_KABKOTA,
        SAME_PROVINCE,
        SAME_CATEGORY,
        RELATED_CATEGORY,
        TIME_WITHIN_HOURS,
        TITLE_SIMILARITY,
        TEXT_SIMILARITY
    }

    @Schema(name = "SimilarityReason")
    public record Reason(
            ReasonCode code,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description = "The similarity (0..1) or the hours between the two records; absent for the others",
                    example = "0.72")
            BigDecimal value) {}

    @Schema(name = "SimilarRecord", description = "A record that may report the same event")
    public record Candidate(
            @Schema(description = "incident or early-warning", example = "incident")
            String type,

            UUID id,

            @Schema(example = "Laporan ganda: bentrokan di Pariaman Utara")
            String title,

            @Schema(example = "13.77") String regionCode,
            @Schema(example = "SENGKETA_LAHAN") String categoryCode,

            @Schema(description = "An incident's occurredFrom, an early warning's createdAt")
            Instant at,

            Verification verification,

            @Schema(description = "0..1, higher is likelier", minimum = "0", maximum = "1", example = "0.83")
            BigDecimal score,

            List<Reason> reasons) {}

    @Schema(name = "SimilarRecords")
    public record Answer(
            @Schema(
                    description = "Candidates lie within this many hours of the record's time, in its province",
                    example = "72")
            int windowHours,

            @Schema(description = "Best first") List<Candidate> items) {}

    /**
     * What a record is compared by: its own id (left out), title (null for a community report, which has none: its
     * text is then compared with the candidates' titles word by word), text, region, category (null: any), the family
     * of its category, and its time.
     */
    public record Probe(
            UUID self, String title, String text, String regionCode, String category, List<String> family, Instant at) {

        public static Probe of(
                UUID self,
                String title,
                String description,
                String regionCode,
                String category,
                List<String> family,
                Instant at) {
            String text = title == null ? description : title + (description == null ? "" : " " + description);
            return new Probe(self, title, cut(text), regionCode, category, family, at);
        }

        String province() {
            return regionCode.substring(0, 2);
        }

        String kabkota() {
            return regionCode.length() >= 5 ? regionCode.substring(0, 5) : null;
        }
    }

    /**
     * Where a record type keeps what is compared: its table, the type's name in the answer, its time column, and its
     * province and kabupaten/kota (stored columns, or expressions over the region code that an index holds).
     */
    public record Table(String type, String table, String time, String province, String kabkota) {

        public static final Table INCIDENT =
                new Table("incident", "incident", "c.occurred_from", "c.province_code", "c.kabkota_code");
        public static final Table EARLY_WARNING = new Table(
                "early-warning",
                "early_warning",
                "c.created_at",
                "left(c.region_code, 2)",
                "case when length(c.region_code) >= 5 then left(c.region_code, 5) end");

        /**
         * The candidate statement; {@code scope} is the caller's region clause over {@code c.region_code} (and the
         * province and kabupaten/kota columns), whose parameters are bound by name.
         */
        String sql(boolean family, String scope) {
            return """
                    select id, title, region_code, category_code, at, verification, title_sim, text_sim, hours,
                           same_kabkota, same_category,
                           round(cast(0.6 * greatest(title_sim, text_sim) + 0.2 * greatest(0, 1 - hours / :window)
                                      + 0.1 * same_kabkota + 0.1 * same_category as numeric), 3) as score
                    from (
                        select c.id, c.title, c.region_code, c.category_code, %1$s as at, c.verification,
                               coalesce(similarity(c.title, cast(:title as text)),
                                        word_similarity(c.title, :text)) as title_sim,
                               similarity(left(c.title || ' ' || coalesce(c.description, ''), %4$d), :text) as text_sim,
                               abs(extract(epoch from %1$s - cast(:at as timestamptz))) / 3600 as hours,
                               case when %3$s = cast(:kabkota as text) then 1 else 0 end as same_kabkota,
                               case when c.category_code = cast(:category as text) then 1
                                    when cast(:category as text) is null then 0 else 0.5 end as same_category
                        from %5$s c
                        where %2$s = :province
                          and %1$s between cast(:from as timestamptz) and cast(:to as timestamptz)
                          and c.id <> :self %6$s
                          and c.classification in (:readable)
                          and (%7$s)
                    ) s
                    order by score desc, id
                    limit :limit""".formatted(
                            time,
                            province,
                            kabkota,
                            TEXT_LENGTH,
                            table,
                            family ? "and c.category_code in (:family)" : "",
                            scope);
        }
    }

    /** The length of text compared: a title and the start of a description say what happened. */
    static final int TEXT_LENGTH = 1000;

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH);
    }

    /**
     * The best {@code limit} candidates of one type for the probe, among the records {@code scope} (the caller's
     * region clause, over the alias {@code c}) and {@code readable} let the caller see.
     */
    public static List<Candidate> candidates(
            EntityManager em,
            Table table,
            Probe probe,
            int windowHours,
            Filter scope,
            Set<Classification> readable,
            int limit) {
        boolean family = probe.family() != null && !probe.family().isEmpty();
        var query = em.createNativeQuery(table.sql(family, scope.where()))
                .setParameter("window", (double) windowHours)
                .setParameter("title", probe.title())
                .setParameter("text", probe.text() == null ? "" : probe.text())
                .setParameter("at", probe.at())
                .setParameter("kabkota", probe.kabkota())
                .setParameter("category", probe.category())
                .setParameter("province", probe.province())
                .setParameter("from", probe.at().minus(windowHours, ChronoUnit.HOURS))
                .setParameter("to", probe.at().plus(windowHours, ChronoUnit.HOURS))
                .setParameter("self", probe.self())
                .setParameter("readable", readable.stream().map(Enum::name).toList())
                .setParameter("limit", limit);
        if (family) {
            query.setParameter("family", probe.family());
        }
        scope.parameters().forEach(query::setParameter);
        List<Candidate> out = new ArrayList<>();
        for (Object row : query.getResultList()) {
            out.add(candidate(table.type(), probe, (Object[]) row));
        }
        return out;
    }

    private static Candidate candidate(String type, Probe probe, Object[] row) {
        List<Reason> reasons = new ArrayList<>();
        boolean sameKabkota = ((Number) row[9]).intValue() == 1;
        reasons.add(new Reason(sameKabkota ? ReasonCode.SAME_KABKOTA : ReasonCode.SAME_PROVINCE, null));
        double category = ((Number) row[10]).doubleValue();
        if (category == 1) {
            reasons.add(new Reason(ReasonCode.SAME_CATEGORY, null));
        } else if (category > 0) {
            reasons.add(new Reason(ReasonCode.RELATED_CATEGORY, null));
        }
        reasons.add(new Reason(ReasonCode.TIME_WITHIN_HOURS, round(((Number) row[8]).doubleValue(), 1)));
        reasons.add(new Reason(ReasonCode.TITLE_SIMILARITY, round(number(row[6]), 2)));
        reasons.add(new Reason(ReasonCode.TEXT_SIMILARITY, round(number(row[7]), 2)));
        Instant at = row[4] instanceof Instant i
                ? i
                : row[4] instanceof java.time.OffsetDateTime o
                        ? o.toInstant()
                        : ((java.sql.Timestamp) row[4]).toInstant();
        return new Candidate(
                type,
                (UUID) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                at,
                Verification.valueOf((String) row[5]),
                (BigDecimal) row[11],
                reasons);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP);
    }

    /** The best {@code limit} of candidates of several types, best first (by score, then id). */
    public static List<Candidate> best(List<Candidate> candidates, int limit) {
        return candidates.stream()
                .sorted(Comparator.comparing(Candidate::score).reversed().thenComparing(c -> c.id().toString()))
                .limit(limit)
                .toList();
    }
}

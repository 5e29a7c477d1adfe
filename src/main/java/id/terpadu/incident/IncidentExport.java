package id.terpadu.incident;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import id.terpadu.common.paging.Filter;

/**
 * Streams the incidents of a list query as NDJSON, CSV with HXL hashtags, or GeoJSON: one SELECT read through a
 * server-side cursor (1,000 rows a fetch) in its own read-only transaction, so the export is one consistent snapshot
 * and the heap holds a fetch, never the whole result. The first bytes leave as soon as the first fetch is back.
 * Rows come in no particular order (each carries occurredFrom and updatedAt to sort by). The columns, their HXL
 * hashtags and meaning are {@link #COLUMNS}, the one place that defines them.
 *
 * <p>Bounds: each fetch is one statement under the connection's statement timeout; a pause of the reader longer than
 * the idle-in-transaction timeout ends the session; and the whole export may run at most
 * {@code terpadu.exports.max-duration}, after which it is cut off (the answer ends without its last chunk, so the
 * client sees an incomplete transfer, never a silently short file).
 */
@ApplicationScoped
public class IncidentExport {

    /** An exported column: its name (CSV header, JSON member), HXL hashtag, and meaning. */
    public record Column(String name, String hxl, String meaning) {}

    public static final List<Column> COLUMNS = List.of(
            new Column("id", "#event+id", "Incident id (UUID)"),
            new Column("title", "#event+name", "Short title"),
            new Column(
                    "category",
                    "#event+type",
                    "Conflict category code (reference conflict-categories), like ACLED's event type"),
            new Column("regionCode", "#loc+code", "Kemendagri code of the most precise region known"),
            new Column("provinceCode", "#adm1+code", "Province code (NN)"),
            new Column("kabkotaCode", "#adm2+code", "Kabupaten/kota code (NN.NN), empty for a province-level record"),
            new Column("latitude", "#geo+lat", "WGS 84 latitude, empty when unknown"),
            new Column("longitude", "#geo+lon", "WGS 84 longitude, empty when unknown"),
            new Column(
                    "geoPrecision", "#geo+precision", "ACLED geo precision: 1 exact place, 2 near it, 3 region only"),
            new Column("timePrecision", "#date+precision", "ACLED time precision: 1 day, 2 week, 3 month"),
            new Column("occurredFrom", "#date+occurred", "When it started (UTC, RFC 3339)"),
            new Column("occurredTo", "#date+end", "When it ended, empty when ongoing or unknown"),
            new Column("stage", "#status+stage", "Handling stage: PENCEGAHAN, PENGHENTIAN, PEMULIHAN, SELESAI"),
            new Column("severity", "#severity", "Severity 1–5"),
            new Column("classification", "#meta+classification", "PUBLIC, RESTRICTED or CONFIDENTIAL"),
            new Column("sourceKind", "#meta+source", "How it became known, like ACLED's source scale"),
            new Column("killed", "#affected+killed", "People killed, like ACLED fatalities; empty = unknown, never 0"),
            new Column("injured", "#affected+injured", "People injured; empty = unknown"),
            new Column("sexualViolence", "#affected+sexual_violence", "Victims of sexual violence; empty = unknown"),
            new Column("buildingsDamaged", "#impact+buildings_damaged", "Buildings damaged; empty = unknown"),
            new Column("displaced", "#affected+idps", "Displaced persons (pengungsi); empty = unknown"),
            new Column("leadAgencyId", "#org+lead+id", "Lead agency id"),
            new Column("updatedAt", "#date+updated", "Last change (UTC)"),
            new Column(
                    "duplicateOf",
                    "#meta+duplicate_of",
                    "The original incident this one duplicates (verified DUPLIKAT: left out unless includeDuplicates=true)"));

    private static final String SELECT =
            "select e.id, e.title, e.categoryCode, e.regionCode, e.provinceCode, e.kabkotaCode, "
                    + "e.latitude, e.longitude, e.geoPrecision, e.timePrecision, e.occurredFrom, e.occurredTo, e.stage, e.severity, "
                    + "e.classification, e.sourceKind, e.killed, e.injured, e.sexualViolence, e.buildingsDamaged, e.displaced, "
                    + "e.leadAgencyId, e.updatedAt, e.duplicateOf from Incident e where ";
    private static final int LAT = 6;
    private static final int LON = 7;
    static final int FETCH = 1000;

    public enum Format {
        NDJSON("application/x-ndjson", "ndjson"),
        CSV("text/csv", "csv"),
        GEOJSON("application/geo+json", "geojson");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private final IncidentRepository repository;
    private final IncidentService incidents;
    private final ObjectMapper mapper;
    private final Duration maxDuration;

    IncidentExport(IncidentRepository repository, IncidentService incidents, ObjectMapper mapper, ExportConfig config) {
        this.repository = repository;
        this.incidents = incidents;
        this.mapper = mapper;
        this.maxDuration = config.maxDuration();
    }

    /**
     * The export of exactly what the caller could list with these filters. The filter (scope, clearance, filters) is
     * settled now, in the request; the rows are read while the answer is written.
     */
    public StreamingOutput export(IncidentQuery q, Format format) {
        Filter filter = incidents.filterFor(q);
        // no order: a sort of the whole slice would come before the first row; rows stream as the scan finds them
        String hql = SELECT + filter.where();
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxDuration.toSeconds()));
        return output -> QuarkusTransaction.requiringNew().timeout(seconds).run(() -> {
            try (Stream<Object[]> rows =
                    repository.stream(hql, filter, FETCH).peek(new Deadline(maxDuration, System.nanoTime()))) {
                switch (format) {
                    case NDJSON -> ndjson(rows, output);
                    case CSV -> csv(rows, output);
                    case GEOJSON -> geojson(rows, output);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Cuts an export off once it has run longer than the maximum (checked every {@value #CHECK_EVERY} rows). */
    static final class Deadline implements Consumer<Object[]> {
        static final int CHECK_EVERY = 256;
        private final long endNanos;
        private final Duration max;
        private long rows;

        Deadline(Duration max, long startNanos) {
            this.max = max;
            this.endNanos = startNanos + max.toNanos();
        }

        @Override
        public void accept(Object[] row) {
            if (++rows % CHECK_EVERY == 0) {
                check(System.nanoTime());
            }
        }

        void check(long nowNanos) {
            if (nowNanos - endNanos > 0) {
                Log.warnf("Export cut off after %s and %d rows (terpadu.exports.max-duration)", max, rows);
                throw new IllegalStateException("The export ran longer than " + max);
            }
        }
    }

    private void ndjson(Stream<Object[]> rows, OutputStream output) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(output, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
        for (Object[] row : (Iterable<Object[]>) rows::iterator) {
            json.writeStartObject();
            for (int i = 0; i < COLUMNS.size(); i++) {
                field(json, COLUMNS.get(i).name(), row[i]);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
        json.flush();
    }

    private void geojson(Stream<Object[]> rows, OutputStream output) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(output, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeArrayFieldStart("features");
        for (Object[] row : (Iterable<Object[]>) rows::iterator) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeStringField("id", row[0].toString());
            if (row[LAT] != null && row[LON] != null) {
                json.writeObjectFieldStart("geometry");
                json.writeStringField("type", "Point");
                json.writeArrayFieldStart("coordinates");
                json.writeNumber(((Number) row[LON]).doubleValue());
                json.writeNumber(((Number) row[LAT]).doubleValue());
                json.writeEndArray();
                json.writeEndObject();
            } else {
                json.writeNullField("geometry");
            }
            json.writeObjectFieldStart("properties");
            for (int i = 1; i < COLUMNS.size(); i++) {
                if (i != LAT && i != LON) {
                    field(json, COLUMNS.get(i).name(), row[i]);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private static void field(JsonGenerator json, String name, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else if (value instanceof Number n) {
            json.writeFieldName(name);
            if (n instanceof Double || n instanceof Float) {
                json.writeNumber(n.doubleValue());
            } else {
                json.writeNumber(n.longValue());
            }
        } else {
            json.writeStringField(name, text(value));
        }
    }

    private static String text(Object value) {
        return value instanceof Instant instant ? instant.toString() : value.toString();
    }

    private static void csv(Stream<Object[]> rows, OutputStream output) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
        out.write(String.join(",", COLUMNS.stream().map(Column::name).toList()));
        out.write("\r\n");
        out.write(String.join(",", COLUMNS.stream().map(Column::hxl).toList()));
        out.write("\r\n");
        for (Object[] row : (Iterable<Object[]>) rows::iterator) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (row[i] != null) {
                    out.write(csvField(row[i] instanceof String s ? s : text(row[i]), row[i] instanceof String));
                }
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /**
     * RFC 4180 quoting; text that a spreadsheet would run as a formula (starting with = + - @ or a control
     * character) is prefixed with an apostrophe.
     */
    static String csvField(String value, boolean text) {
        String v = value;
        if (text && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}

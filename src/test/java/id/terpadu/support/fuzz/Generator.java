package id.terpadu.support.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Turns an operation of {@code openapi.yaml} into one request: a valid-looking baseline (the documented example or a
 * value generated from the schema, with real ids of the dataset), then zero to three mutations of the body, the
 * parameters and the headers. Everything random comes from the one seeded {@link Random}.
 */
public final class Generator {

    /** One request to send, and what was done to it (for the report). */
    public record FuzzRequest(
            OpenApi.Operation op,
            String method,
            String target,
            List<String[]> headers,
            byte[] body,
            String caller,
            List<String> mutations) {

        public String describe(int max) {
            StringBuilder s = new StringBuilder(method)
                    .append(' ')
                    .append(clip(target, 600))
                    .append('\n');
            for (String[] h : headers) {
                s.append(h[0])
                        .append(": ")
                        .append(h[0].equalsIgnoreCase("Authorization") ? caller : clip(h[1], 200))
                        .append('\n');
            }
            if (body != null) {
                s.append('\n').append(clip(new String(body, StandardCharsets.UTF_8), max));
            }
            s.append("\n[mutations: ").append(String.join(", ", mutations)).append(']');
            return s.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** Path segment before an id → the pool of that collection. */
    static final Map<String, String> POOLS = Map.ofEntries(
            Map.entry("agencies", "agencies"),
            Map.entry("teams", "teams"),
            Map.entry("members", "members"),
            Map.entry("incidents", "incidents"),
            Map.entry("activities", "activities"),
            Map.entry("tasks", "tasks"),
            Map.entry("early-warnings", "early-warnings"),
            Map.entry("conflict-statuses", "conflict-statuses"),
            Map.entry("action-plans", "action-plans"),
            Map.entry("items", "items"),
            Map.entry("reports", "reports"),
            Map.entry("meetings", "meetings"),
            Map.entry("decisions", "decisions"),
            Map.entry("neutrality-cases", "neutrality-cases"),
            Map.entry("api-keys", "api-keys"),
            Map.entry("accounts", "accounts"),
            Map.entry("webhooks", "webhooks"),
            Map.entry("deliveries", "deliveries"),
            Map.entry("tni-assistance", "tni-assistance"),
            Map.entry("persons", "persons"));

    private final Random random;
    private final OpenApi api;
    private final Fixtures fixtures;
    private final Map<String, List<OpenApi.Operation>> byPath = new HashMap<>();
    private final List<String> usedIdempotencyKeys = new ArrayList<>();
    private final Map<String, String> raw = new HashMap<>();

    public Generator(Random random, OpenApi api, Fixtures fixtures) {
        this.random = random;
        this.api = api;
        this.fixtures = fixtures;
        api.operations()
                .forEach(op -> byPath.computeIfAbsent(op.path(), k -> new ArrayList<>())
                        .add(op));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return Nasty.pick(random, values);
    }

    // ------------------------------------------------------------------ the request

    public FuzzRequest generate(OpenApi.Operation op) {
        raw.clear();
        List<String> mutations = new ArrayList<>();
        String method = op.method();
        if (chance(0.02)) {
            List<String> undocumented = METHODS.stream()
                    .filter(m -> byPath.get(op.path()).stream()
                            .noneMatch(o -> o.method().equals(m)))
                    .toList();
            if (!undocumented.isEmpty()) {
                method = pick(undocumented);
                mutations.add("method " + method);
            }
        }
        Map<String, String> pathValues = new HashMap<>();
        String path = path(op, pathValues, mutations);
        String query = query(op, mutations);
        List<String[]> headers = new ArrayList<>();
        Fixtures.Caller caller = caller(mutations);
        if (caller != null) {
            headers.add(new String[] {"Authorization", caller.authorization()});
        }
        headers(op, path, headers, mutations);
        byte[] body = null;
        if (op.bodyType() != null) {
            body = body(op, pathValues, headers, mutations);
        } else if (chance(0.03)) {
            body = "{\"unexpected\": true}".getBytes(StandardCharsets.UTF_8);
            headers.add(new String[] {"Content-Type", "application/json"});
            mutations.add("body on a bodiless operation");
        }
        if (mutations.isEmpty()) {
            mutations.add("none (baseline)");
        }
        return new FuzzRequest(
                op, method, path + query, headers, body, caller == null ? "(none)" : caller.name(), mutations);
    }

    private Fixtures.Caller caller(List<String> mutations) {
        double r = random.nextDouble();
        if (r < 0.02) {
            mutations.add("no Authorization");
            return null;
        }
        if (r < 0.05) {
            String value = pick(Nasty.AUTHORIZATIONS);
            mutations.add("odd Authorization");
            return new Fixtures.Caller("odd: " + clip(value, 40), value);
        }
        if (r < 0.72) {
            return fixtures.admin;
        }
        return pick(fixtures.callers);
    }

    // ------------------------------------------------------------------ path and query

    private String path(OpenApi.Operation op, Map<String, String> values, List<String> mutations) {
        String[] segments = op.path().split("/");
        StringBuilder path = new StringBuilder();
        String previousId = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            path.append('/');
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            String collection = segments[i - 1];
            String value;
            if (chance(0.12)) {
                value = hostilePathValue();
                mutations.add("path " + name + " hostile");
            } else if (collection.equals("regions")) {
                value = pick(fixtures.regions);
            } else if (collection.equals("reference")) {
                value = pick(fixtures.referenceKinds);
            } else {
                Fixtures.Entry entry = fixtures.pick(random, POOLS.getOrDefault(collection, collection), previousId);
                if (entry == null || chance(0.04)) {
                    value = UUID.randomUUID().toString();
                    mutations.add("path " + name + " unknown id");
                } else {
                    value = entry.id();
                }
            }
            values.put(name, value);
            previousId = value;
            path.append(value);
        }
        return path.toString();
    }

    private String hostilePathValue() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(Nasty.IDS);
            case 1 -> UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            case 2 -> encode(pick(Nasty.INJECTIONS));
            case 3 -> encode(pick(Nasty.UNICODE));
            default -> encode(Nasty.oddText(random, 300));
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String query(OpenApi.Operation op, List<String> mutations) {
        List<String> pairs = new ArrayList<>();
        for (OpenApi.Param p : op.params()) {
            if (!p.in().equals("query") || !(p.required() || chance(0.45))) {
                continue;
            }
            String value;
            if (chance(0.25)) {
                value = hostileText(4000);
                mutations.add("query " + p.name() + " hostile");
                if (chance(0.3)) {
                    pairs.add(encode(p.name()) + "=" + pick(Nasty.IDS));
                    continue;
                }
            } else {
                value = queryValue(op, p);
            }
            pairs.add(encode(p.name()) + "=" + encode(value));
            if (chance(0.03)) {
                pairs.add(encode(p.name()) + "=" + encode(queryValue(op, p)));
                mutations.add("query " + p.name() + " twice");
            }
        }
        if (chance(0.04)) {
            pairs.add(encode(pick(List.of("unknown", "__proto__", "limit[]", "sort[$ne]", "page", "offset"))) + "="
                    + encode(pick(Nasty.INJECTIONS)));
            mutations.add("unknown query parameter");
        }
        if (chance(0.005)) {
            pairs.add("q=" + "x".repeat(20_000));
            mutations.add("very long query");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String queryValue(OpenApi.Operation op, OpenApi.Param p) {
        String name = p.name();
        JsonNode schema = p.schema();
        switch (name) {
            case "cursor", "after" -> {
                String real = fixtures.cursor(random, op.key());
                if (real != null && chance(0.6)) {
                    return chance(0.5) ? real : Nasty.tamper(random, real);
                }
                return Nasty.fakeCursor(random);
            }
            case "limit" -> {
                return Integer.toString(pick(List.of(1, 1, 2, 50, 200, 1 + random.nextInt(200))));
            }
            case "region", "parent" -> {
                return pick(fixtures.regions);
            }
            case "from", "to" -> {
                return chance(0.5)
                        ? instant()
                        : pick(List.of("2024-01-01", "2024-01-01T00:00:00+07:00", "2025-12-31T23:59:59Z"));
            }
            case "year", "electionYear" -> {
                return Integer.toString(2019 + random.nextInt(8));
            }
            case "q" -> {
                return pick(List.of(
                        "bentrok",
                        "lahan sawit",
                        "\"sengketa lahan\"",
                        "pilkada -ban",
                        "or",
                        "Polres",
                        "kota",
                        "a",
                        "-",
                        "\"",
                        "bentrok OR lahan"));
            }
            case "bbox" -> {
                return pick(List.of("99.8,-1.0,100.6,-0.3", "94.5,-11.5,141.5,6.5", "100,0,100,0", "106,-3,107,-2"));
            }
            case "sort" -> {
                return pick(List.of("occurredAt", "updatedAt"));
            }
            case "types" -> {
                return pick(
                        List.of("incident", "incident,early-warning", "agency,team,team-member", "neutrality-case"));
            }
            case "format" -> {
                return pick(List.of("ndjson", "csv", "geojson", "json"));
            }
            case "active", "overdue" -> {
                return chance(0.5) ? "true" : "false";
            }
            case "severityMin", "severityMax" -> {
                return Integer.toString(1 + random.nextInt(5));
            }
            case "period" -> {
                return pick(List.of("B04", "B08", "B12"));
            }
            case "groupBy" -> {
                if (op.path().contains("neutrality")) {
                    return pick(List.of("election,status", "region", "status", "source", "election"));
                }
                return pick(List.of(
                        "category", "stage", "province", "kabkota", "month", "category,month", "category,stage"));
            }
            default -> {
                // ids and enums
            }
        }
        if (name.endsWith("Id")) {
            String pool = name.equals("teamId") ? "teams" : name.equals("itemId") ? "items" : "agencies";
            Fixtures.Entry e = fixtures.pick(random, pool, null);
            return e == null ? UUID.randomUUID().toString() : e.id();
        }
        if (schema.has("enum")) {
            return pick(enumValues(schema));
        }
        if (p.example() != null) {
            return p.example().asText();
        }
        return "x";
    }

    // ------------------------------------------------------------------ headers

    private void headers(OpenApi.Operation op, String path, List<String[]> headers, List<String> mutations) {
        if (op.hasHeader("If-Match") || chance(0.03)) {
            if (chance(0.08)) {
                mutations.add("If-Match missing");
            } else {
                String real = fixtures.etag(entityPath(op, path));
                if (real != null && chance(0.45)) {
                    headers.add(new String[] {"If-Match", real});
                } else {
                    headers.add(new String[] {"If-Match", pick(Nasty.ETAGS)});
                    mutations.add("odd If-Match");
                }
            }
        }
        if (op.method().equals("GET") && chance(0.08)) {
            String real = fixtures.etag(path);
            headers.add(new String[] {"If-None-Match", real != null && chance(0.5) ? real : pick(Nasty.ETAGS)});
            mutations.add("If-None-Match");
        }
        if (op.hasHeader("Idempotency-Key") && chance(0.3)) {
            String key;
            if (chance(0.2)) {
                key = pick(Nasty.IDEMPOTENCY_KEYS);
                mutations.add("odd Idempotency-Key");
            } else if (!usedIdempotencyKeys.isEmpty() && chance(0.3)) {
                key = pick(usedIdempotencyKeys);
                mutations.add("reused Idempotency-Key");
            } else {
                key = UUID.randomUUID().toString();
                if (usedIdempotencyKeys.size() < 200) {
                    usedIdempotencyKeys.add(key);
                }
            }
            headers.add(new String[] {"Idempotency-Key", key});
        }
        if (op.hasHeader("Report-Key")) {
            // a reporter's upload key: mostly a real one, so that the photo routes are reached past the key
            double r = random.nextDouble();
            if (r < 0.65 && !fixtures.reportKeys.isEmpty()) {
                headers.add(new String[] {"Report-Key", pick(fixtures.reportKeys)});
            } else if (r < 0.9) {
                headers.add(new String[] {"Report-Key", pick(Nasty.IDEMPOTENCY_KEYS)});
                mutations.add("odd Report-Key");
            } else {
                mutations.add("no Report-Key");
            }
        }
        if (op.hasHeader("Tus-Resumable") && chance(0.85)) {
            headers.add(new String[] {"Tus-Resumable", "1.0.0"});
        }
        if (op.hasHeader("Upload-Length") && chance(0.85)) {
            headers.add(
                    new String[] {"Upload-Length", pick(List.of("0", "1", "4096", "20971521", "99999999999", "-1"))});
        }
        if (op.hasHeader("Upload-Offset") && chance(0.85)) {
            headers.add(new String[] {"Upload-Offset", pick(List.of("0", "1", "4096", "-1", "x"))});
        }
        double accept = random.nextDouble();
        if (accept < 0.3) {
            headers.add(new String[] {"Accept", "application/json"});
        } else if (accept < 0.38) {
            headers.add(new String[] {"Accept", pick(Nasty.ACCEPTS)});
            mutations.add("odd Accept");
        }
        if (chance(0.06)) {
            headers.add(new String[] {"Accept-Language", pick(Nasty.LANGUAGES)});
            mutations.add("odd Accept-Language");
        }
        if (chance(0.04)) {
            headers.add(new String[] {
                "X-Request-Id",
                pick(List.of(
                        "",
                        "x".repeat(500),
                        "<script>",
                        "\u00e9",
                        "' OR 1=1 --",
                        "a\tb",
                        UUID.randomUUID().toString()))
            });
            mutations.add("odd X-Request-Id");
        }
        if (chance(0.02)) {
            headers.add(new String[] {"X-API-Key", pick(List.of("", "trp_' OR 1=1 --", "x".repeat(1000), "\u00e9"))});
            mutations.add("odd X-API-Key");
        }
        if (chance(0.02)) {
            String name = pick(List.of("X-Request-Id", "Idempotency-Key", "Accept-Language", "X-Forwarded-For"));
            headers.add(new String[] {name, "a\r\nX-Injected: 1"});
            mutations.add("CRLF in " + name);
        }
    }

    /** The pool of ids a collection segment of a path stands for, or null. */
    public static String poolOf(String collection) {
        return POOLS.get(collection);
    }

    public static String entityPathOf(OpenApi.Operation op, String path) {
        return entityPath(op, path);
    }

    /** The path of the record whose ETag an operation's If-Match names: the path up to its last id. */
    static String entityPath(OpenApi.Operation op, String path) {
        String[] template = op.path().split("/");
        String[] concrete = path.split("/");
        int last = -1;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                last = i;
            }
        }
        if (last < 0) {
            return path;
        }
        return String.join("/", java.util.Arrays.copyOf(concrete, Math.min(concrete.length, last + 1)));
    }

    // ------------------------------------------------------------------ the body

    private byte[] body(
            OpenApi.Operation op, Map<String, String> pathValues, List<String[]> headers, List<String> mutations) {
        String contentType = op.bodyType();
        if (chance(0.06)) {
            contentType = chance(0.15) ? null : pick(Nasty.CONTENT_TYPES);
            mutations.add("Content-Type " + contentType);
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        if (op.bodyType().equals("text/csv")) {
            return csv(mutations);
        }
        JsonNode baseline = baseline(op, pathValues);
        if (chance(0.1)) {
            return wholeBody(baseline, mutations);
        }
        int count = chance(0.25) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            baseline = mutate(baseline, op.bodySchema(), mutations);
        }
        return serialize(baseline);
    }

    private static final long MAX_ARRAY_BYTES = 16L * 1024 * 1024;

    private byte[] serialize(JsonNode node) {
        try {
            String text = JSON.writeValueAsString(node);
            for (Map.Entry<String, String> r : raw.entrySet()) {
                text = text.replace(JSON.writeValueAsString(r.getKey()), r.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value written into the JSON text exactly as given (numbers past double, lone surrogate escapes). */
    private JsonNode rawValue(String text) {
        String placeholder = "\u0001raw" + raw.size() + "\u0001";
        raw.put(placeholder, text);
        return TextNode.valueOf(placeholder);
    }

    JsonNode baseline(OpenApi.Operation op, Map<String, String> pathValues) {
        JsonNode body;
        if (!op.bodyExamples().isEmpty() && chance(0.75)) {
            body = pick(op.bodyExamples()).deepCopy();
        } else {
            body = generate(op.bodySchema(), "body", 0);
        }
        return patch(body, op.bodySchema(), "body", pathValues);
    }

    /** Replaces the example's ids by real ones, its region codes by existing ones, webhook targets by loopback. */
    private JsonNode patch(JsonNode value, JsonNode schema, String name, Map<String, String> pathValues) {
        JsonNode s = api.resolve(schema);
        if (value instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                if (field.equals("id") && !name.equals("persons")) {
                    double r = random.nextDouble();
                    if (r < 0.6) {
                        object.remove(field);
                    } else if (r < 0.9) {
                        object.put(field, UUID.randomUUID().toString());
                    } else {
                        Fixtures.Entry e = fixtures.pick(random, "incidents", null);
                        object.put(field, e == null ? UUID.randomUUID().toString() : e.id());
                    }
                    continue;
                }
                object.set(field, patch(object.get(field), s.path("properties").path(field), field, pathValues));
            }
            return object;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, patch(array.get(i), s.path("items"), singular(name), pathValues));
            }
            return array;
        }
        if (value != null && value.isTextual()) {
            if (name.equals("url") && !s.has("enum")) {
                return TextNode.valueOf(pick(List.of(
                        "http://127.0.0.1:9/hooks/terpadu", "http://localhost:9/hook", "https://127.0.0.1:9/x")));
            }
            if (name.equals("regionCode") && chance(0.5)) {
                return TextNode.valueOf(pick(fixtures.regions));
            }
            String pool = poolOfField(name);
            if (pool != null) {
                Fixtures.Entry e = fixtures.pick(random, pool, pathValues.get("id"));
                return TextNode.valueOf(e == null ? UUID.randomUUID().toString() : e.id());
            }
        }
        return value;
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    static String poolOfField(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("agencyid") || n.equals("parentid")) {
            return "agencies";
        }
        return switch (n) {
            case "teamid" -> "teams";
            case "duplicateof", "incidentid" -> "incidents";
            case "earlywarningid" -> "early-warnings";
            case "conflictstatusid" -> "conflict-statuses";
            case "personid" -> "persons";
            case "itemid" -> "items";
            default -> null;
        };
    }

    /** A value that the schema describes, realistic where the field name says what it is. */
    JsonNode generate(JsonNode schema, String name, int depth) {
        JsonNode s = api.resolve(schema);
        if (s.has("enum")) {
            return TextNode.valueOf(pick(enumValues(s)));
        }
        if (s.has("examples")
                && s.get("examples").isArray()
                && s.get("examples").size() > 0
                && chance(0.5)) {
            return s.get("examples").get(0).deepCopy();
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                s.path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (required.contains(p.getKey()) || chance(0.5)) {
                        object.set(p.getKey(), generate(p.getValue(), p.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = Math.max(s.path("minItems").asInt(0), random.nextInt(3));
                for (int i = 0; i < n && depth <= 4; i++) {
                    array.add(generate(s.path("items"), singular(name), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(Math.max(min, 100));
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number" -> {
                double min = s.path("minimum").asDouble(0);
                double max = s.path("maximum").asDouble(Math.max(min, 100));
                return NODES.numberNode(Math.round((min + random.nextDouble() * (max - min)) * 1e4) / 1e4);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = s.path("format").asText("");
                if (format.equals("uuid") || poolOfField(name) != null) {
                    return TextNode.valueOf(UUID.randomUUID().toString());
                }
                if (format.equals("date-time")) {
                    return TextNode.valueOf(instant());
                }
                if (format.equals("date")) {
                    return TextNode.valueOf(LocalDate.of(2024, 1, 1)
                            .plusDays(random.nextInt(700))
                            .toString());
                }
                if (name.toLowerCase(Locale.ROOT).contains("region")) {
                    return TextNode.valueOf(pick(fixtures.regions));
                }
                int max = Math.min(s.path("maxLength").asInt(40), 60);
                StringBuilder text = new StringBuilder("Uji ");
                while (text.length() < Math.max(4, random.nextInt(max + 1))) {
                    text.append(pick(List.of("warga", "lahan", "desa", "bentrok", "dialog", "posko", "Kota")))
                            .append(' ');
                }
                return TextNode.valueOf(text.toString().trim());
            }
        }
    }

    private String instant() {
        return Instant.parse("2024-01-01T00:00:00Z")
                .plus(random.nextInt(600 * 24), ChronoUnit.HOURS)
                .toString();
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    // ------------------------------------------------------------------ mutations

    /** A place in the body: the container, the field or index, and the schema of the value there. */
    private record Slot(JsonNode container, String field, int index, JsonNode schema, boolean required) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private void slots(JsonNode value, JsonNode schema, List<Slot> out, List<ObjectNode> objects) {
        JsonNode s = api.resolve(schema);
        if (value instanceof ObjectNode object) {
            objects.add(object);
            List<String> required = new ArrayList<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            object.fields().forEachRemaining(e -> {
                JsonNode child = s.path("properties").path(e.getKey());
                out.add(new Slot(object, e.getKey(), -1, child, required.contains(e.getKey())));
                slots(e.getValue(), child, out, objects);
            });
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < Math.min(array.size(), 3); i++) {
                out.add(new Slot(array, null, i, s.path("items"), false));
                slots(array.get(i), s.path("items"), out, objects);
            }
        }
    }

    private JsonNode mutate(JsonNode body, JsonNode schema, List<String> mutations) {
        List<Slot> slots = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        slots(body, schema, slots, objects);
        int kind = random.nextInt(14);
        if (kind == 0 && !objects.isEmpty()) {
            ObjectNode target = pick(objects);
            String field = pick(List.of(
                    "unknownField",
                    "__proto__",
                    "constructor",
                    "$where",
                    "isAdmin",
                    "version",
                    "createdBy",
                    "\u202eevil",
                    "a".repeat(300),
                    "select * from agency",
                    "java.lang.Runtime",
                    ""));
            target.set(
                    field,
                    chance(0.5)
                            ? TextNode.valueOf(pick(Nasty.INJECTIONS))
                            : NODES.objectNode().put("x", 1));
            mutations.add("extra field " + clip(field, 30));
            return body;
        }
        if (kind == 1) {
            List<Slot> required = slots.stream().filter(Slot::required).toList();
            if (!required.isEmpty()) {
                Slot slot = pick(required);
                ((ObjectNode) slot.container()).remove(slot.field());
                mutations.add("missing required " + slot.field());
                return body;
            }
        }
        if (slots.isEmpty()) {
            mutations.add("whole body replaced");
            return pick(
                    List.<JsonNode>of(NODES.arrayNode(), NODES.nullNode(), TextNode.valueOf("x"), NODES.numberNode(1)));
        }
        Slot slot = pick(slots);
        String where = slot.field() != null ? slot.field() : "[" + slot.index() + "]";
        JsonNode s = api.resolve(slot.schema());
        String type = s.path("type").asText("");
        switch (kind) {
            case 2 -> {
                slot.set(NODES.nullNode());
                mutations.add("null " + where);
            }
            case 3 -> {
                slot.set(wrongType(slot.value()));
                mutations.add("wrong type " + where);
            }
            case 4 -> {
                slot.set(rawValue(pick(Nasty.NUMBERS)));
                mutations.add("boundary number " + where);
            }
            case 5 -> {
                slot.set(rawValue(pick(Nasty.NOT_NUMBERS)));
                mutations.add("not a number " + where);
            }
            case 6 -> {
                slot.set(TextNode.valueOf(Nasty.longString(random)));
                mutations.add("long string " + where);
            }
            case 7 -> {
                slot.set(TextNode.valueOf(pick(Nasty.UNICODE)));
                mutations.add("odd unicode " + where);
            }
            case 8 -> {
                slot.set(TextNode.valueOf(pick(Nasty.INJECTIONS)));
                mutations.add("injection " + where);
            }
            case 9 -> {
                slot.set(rawValue(pick(Nasty.RAW_JSON_STRINGS)));
                mutations.add("escaped oddity " + where);
            }
            case 10 -> {
                slot.set(TextNode.valueOf(pick(List.of(
                        UUID.randomUUID().toString(),
                        "00000000-0000-0000-0000-000000000000",
                        "not-a-uuid",
                        UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                        "{" + UUID.randomUUID() + "}",
                        otherPoolId()))));
                mutations.add("id swap " + where);
            }
            case 11 -> {
                String v = slot.value() != null && slot.value().isTextual()
                        ? slot.value().asText()
                        : "PENCEGAHAN";
                slot.set(TextNode.valueOf(pick(List.of(
                        v.toLowerCase(Locale.ROOT),
                        " " + v,
                        v + " ",
                        v + "\u0000",
                        "UNKNOWN_VALUE",
                        "2024-02-30",
                        "9999-12-31T23:59:59Z",
                        "0000-01-01",
                        "2024-01-01T24:00:00Z",
                        "+275760-09-13T00:00:00Z",
                        "-999999999-01-01",
                        "1700000000",
                        "2024-01-01T00:00:00+14:00",
                        "2024-W01",
                        "P1D"))));
                mutations.add("odd value " + where);
            }
            case 12 -> {
                ArrayNode array = NODES.arrayNode();
                int n = pick(List.of(0, 1000, 10_000));
                JsonNode item = slot.value() != null
                                && slot.value().isArray()
                                && slot.value().size() > 0
                        ? slot.value().get(0)
                        : slot.value() == null ? NODES.nullNode() : slot.value();
                // an earlier mutation may have made the item large (a 100k string, another array): the body stays
                // within twice the service's 8 MB limit, enough for a 413, instead of growing past the fuzzer's heap
                n = (int) Math.min(n, Math.max(1, MAX_ARRAY_BYTES / Math.max(1, serialize(item).length)));
                for (int i = 0; i < n; i++) {
                    array.add(item.deepCopy());
                }
                if (n == 0) {
                    array.addNull();
                }
                slot.set(array);
                mutations.add("array of " + n + " at " + where);
            }
            default -> {
                if (type.equals("integer") || type.equals("number")) {
                    slot.set(rawValue(pick(Nasty.NUMBERS)));
                    mutations.add("boundary number " + where);
                } else {
                    slot.set(TextNode.valueOf(Nasty.oddText(random, 400)));
                    mutations.add("odd text " + where);
                }
            }
        }
        return body;
    }

    private String otherPoolId() {
        Fixtures.Entry e = fixtures.pick(random, pick(List.copyOf(POOLS.values())), null);
        return e == null ? UUID.randomUUID().toString() : e.id();
    }

    private JsonNode wrongType(JsonNode value) {
        if (value == null || value.isNull()) {
            return TextNode.valueOf("x");
        }
        if (value.isTextual()) {
            return pick(List.<JsonNode>of(
                    NODES.numberNode(123),
                    NODES.booleanNode(true),
                    NODES.objectNode(),
                    NODES.arrayNode().add("x")));
        }
        if (value.isNumber()) {
            return pick(List.<JsonNode>of(
                    TextNode.valueOf("abc"),
                    TextNode.valueOf(value.asText()),
                    NODES.booleanNode(false),
                    NODES.arrayNode().add(value)));
        }
        if (value.isBoolean()) {
            return pick(List.<JsonNode>of(TextNode.valueOf("true"), NODES.numberNode(1), TextNode.valueOf("yes")));
        }
        if (value.isObject()) {
            return pick(
                    List.<JsonNode>of(TextNode.valueOf("{}"), NODES.arrayNode().add(value), NODES.numberNode(0)));
        }
        return pick(List.<JsonNode>of(
                TextNode.valueOf("a,b"), NODES.objectNode().<JsonNode>set("0", value.deepCopy()), NODES.numberNode(1)));
    }

    private byte[] wholeBody(JsonNode baseline, List<String> mutations) {
        String text = new String(serialize(baseline), StandardCharsets.UTF_8);
        int kind = random.nextInt(14);
        mutations.add("whole body #" + kind);
        return switch (kind) {
            case 0 ->
                text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (text + pick(List.of("}", ",]", "x", "\u0000", " {}"))).getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[0];
            case 3 ->
                pick(List.of("null", "[]", "\"text\"", "123", "true", "[{}]", "{}", " ", "{\"\":\"\"}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 4 ->
                ("{\"a\":" + "[".repeat(3000 + random.nextInt(20_000)) + "]".repeat(10) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                int brace = text.indexOf('{');
                String dup = text.length() > 2 && text.startsWith("{\"")
                        ? text.substring(1, Math.max(1, text.indexOf(',') < 0 ? 1 : text.indexOf(',')))
                        : "\"a\":1";
                yield brace < 0
                        ? text.getBytes(StandardCharsets.UTF_8)
                        : ("{" + dup + "," + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("/* comment */ " + text).getBytes(StandardCharsets.UTF_8);
            case 8 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 9 -> text.replaceFirst("}$", ",}").getBytes(StandardCharsets.UTF_8);
            case 10 -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                int quote = text.indexOf(":\"");
                byte[] bad = pick(Nasty.INVALID_UTF8);
                if (quote < 0) {
                    yield bad;
                }
                int at = text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
                byte[] out = new byte[bytes.length + bad.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bad, 0, out, at, bad.length);
                System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
                yield out;
            }
            case 11 -> text.replaceFirst(":\\s*(-?\\d+(\\.\\d+)?)", ":NaN").getBytes(StandardCharsets.UTF_8);
            case 12 -> text.getBytes(StandardCharsets.UTF_16);
            default ->
                ("{\"a\":\"" + "x".repeat(1_000_000 + random.nextInt(2_000_000)) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] csv(List<String> mutations) {
        StringBuilder csv = new StringBuilder();
        if (chance(0.85)) {
            csv.append("kode,nama\n");
        } else {
            csv.append(pick(
                    List.of("code,name\n", "kode;nama\n", "kode\n", "", "\ufeffkode,nama\n", "kode,nama,extra\n")));
            mutations.add("odd CSV header");
        }
        int rows = 1 + random.nextInt(4);
        for (int i = 0; i < rows; i++) {
            if (chance(0.35)) {
                csv.append(pick(List.of(
                                "99.99,Nowhere",
                                "1,Satu",
                                "19.0a,Bad",
                                ",",
                                "\"19.05,Quoted",
                                "19.05",
                                "19.05,\"a\"\"b\",c",
                                "19.05," + "n".repeat(300),
                                "=cmd|' /C calc'!A0,x",
                                "19.06,\u0000nul",
                                "19.07,<script>alert(1)</script>",
                                "' OR 1=1 --,x",
                                "19.71.01.1001.1,deep")))
                        .append(chance(0.5) ? "\n" : "\r\n");
                mutations.add("odd CSV row");
            } else {
                String parent = pick(List.of("19", "13", "33", "19.71", "13.77"));
                // 90 to 98 below these parents: codes the official list leaves free, so that an accepted import adds
                // regions and never renames one the other tests read (such as 19.71, Kota Pangkal Pinang); 99 stays
                // free too, since tests use 19.99 and 13.99 as codes that do not exist
                String code = parent + "." + (90 + random.nextInt(9));
                String name = chance(0.7)
                        ? "Wilayah Uji " + random.nextInt(1000)
                        : Nasty.oddText(random, 80).replace(",", " ").replace("\n", " ");
                csv.append(code).append(',').append(name.replace("\"", "")).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String hostileText(int max) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(Nasty.INJECTIONS);
            case 1 -> pick(Nasty.UNICODE);
            case 2 -> pick(Nasty.NUMBERS);
            case 3 -> "x".repeat(1 + random.nextInt(max));
            case 4 -> Nasty.fakeCursor(random);
            default -> Nasty.oddText(random, 200);
        };
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}

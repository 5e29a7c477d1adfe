package id.terpadu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import id.terpadu.support.fuzz.Fixtures;
import id.terpadu.support.fuzz.Generator;
import id.terpadu.support.fuzz.Generator.FuzzRequest;
import id.terpadu.support.fuzz.Invariants;
import id.terpadu.support.fuzz.OpenApi;
import id.terpadu.support.fuzz.Oracle;
import id.terpadu.support.fuzz.RawHttp;

/**
 * Fuzzes every operation of {@code openapi.yaml} with requests generated from its schemas: wrong types, boundary and
 * huge numbers, long and odd Unicode, injection strings, missing and extra fields, broken cursors, ETags,
 * Idempotency-Keys and content types, malformed JSON. Every answer must be below 500, every error a problem
 * document, no body may leak a class, stack frame or SQL, and the database must keep its invariants afterwards.
 * <p>
 * {@code -Dfuzz.requests=N} (default 3,000) and {@code -Dfuzz.seed=S} (default fixed, so that the suite is
 * reproducible); {@code verify/fuzz.sh} runs a long one with a fresh seed.
 */
@QuarkusTest
class FuzzTest {

    static final int DEFAULT_REQUESTS = 3_000;
    static final long DEFAULT_SEED = 20_241_128L;
    static final int REPORTED_FINDINGS = 40;

    record Slow(long millis, String what) implements Comparable<Slow> {
        @Override
        public int compareTo(Slow o) {
            int c = Long.compare(millis, o.millis);
            return c != 0 ? c : what.compareTo(o.what);
        }
    }

    record Finding(String operation, String request, int status, String response, List<Oracle.Violation> violations) {}

    @Test
    void everyOperationSurvivesHostileRequests() throws Exception {
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.printf(
                "%nFuzzTest: seed %d, %d requests (repeat with -Dfuzz.seed=%d -Dfuzz.requests=%d)%n",
                seed, requests, seed, requests);

        OpenApi api = OpenApi.read(Path.of("openapi.yaml"));
        List<OpenApi.Operation> operations = api.operations();
        Fixtures fixtures = Fixtures.prepare(api);
        Random random = new Random(seed);
        Generator generator = new Generator(random, api, fixtures);

        Map<String, Integer> perOperation = new TreeMap<>();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Oracle.Kind, Integer> byKind = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> distinct = new LinkedHashMap<>();
        long started = System.nanoTime();
        List<OpenApi.Operation> round = new ArrayList<>(operations);
        java.util.TreeSet<Slow> slowest = new java.util.TreeSet<>();
        try (RawHttp http = new RawHttp("localhost", RestAssured.port, 60_000)) {
            for (int i = 0; i < requests; i++) {
                if (i % round.size() == 0) {
                    Collections.shuffle(round, random);
                }
                OpenApi.Operation op = round.get(i % round.size());
                FuzzRequest request = generator.generate(op);
                perOperation.merge(op.key(), 1, Integer::sum);
                RawHttp.Response response;
                List<Oracle.Violation> violations;
                long sent = System.nanoTime();
                try {
                    response = http.send(request.method(), request.target(), request.headers(), request.body());
                    violations = Oracle.check(request.method(), response);
                    byClass.merge(
                            Oracle.refusedByCodec(response)
                                    ? "refused by the HTTP codec (" + response.status() + ")"
                                    : response.status() / 100 + "xx",
                            1,
                            Integer::sum);
                    learn(fixtures, request, response);
                } catch (IOException e) {
                    http.close();
                    response = new RawHttp.Response(0, Map.of(), new byte[0]);
                    violations = List.of(new Oracle.Violation(Oracle.Kind.TRANSPORT, e.getMessage()));
                    byClass.merge("no answer", 1, Integer::sum);
                }
                slowest.add(new Slow(
                        (System.nanoTime() - sent) / 1_000_000,
                        op.key() + " " + response.status() + " " + request.mutations()));
                if (slowest.size() > 8) {
                    slowest.remove(slowest.first());
                }
                if (request.mutations().stream().anyMatch(m -> m.startsWith("CRLF"))) {
                    http.close(); // the header section was cut short on purpose: never reuse that connection
                }
                if (!violations.isEmpty()) {
                    violations.forEach(v -> byKind.merge(v.kind(), 1, Integer::sum));
                    String signature = op.key() + " " + response.status() + " "
                            + violations.get(0).kind() + " "
                            + violations.get(0).what().replaceAll("[0-9a-f-]{36}", "<id>");
                    if (distinct.merge(signature, 1, Integer::sum) == 1 && findings.size() < REPORTED_FINDINGS) {
                        findings.add(new Finding(
                                op.key(),
                                request.describe(1500),
                                response.status(),
                                clip(response.text(), 1500),
                                violations));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<Invariants.Rule, Long> invariants = Invariants.check();
        stopWebhooks(fixtures);
        long broken = invariants.values().stream().filter(n -> n > 0).count();

        StringBuilder table = new StringBuilder("\n== Fuzzing openapi.yaml (seed " + seed + ") ==\n");
        row(table, "operations in openapi.yaml", operations.size());
        row(table, "operations covered", perOperation.size());
        row(table, "requests sent", requests);
        row(table, "fewest requests to one operation", Collections.min(perOperation.values()));
        byClass.forEach((k, v) -> row(table, "answers " + k, v));
        row(table, "5xx seen", byKind.getOrDefault(Oracle.Kind.SERVER_ERROR, 0));
        row(table, "errors not problem+json", byKind.getOrDefault(Oracle.Kind.NOT_PROBLEM_JSON, 0));
        row(table, "leaks seen", byKind.getOrDefault(Oracle.Kind.LEAK, 0));
        row(table, "requests without an answer", byKind.getOrDefault(Oracle.Kind.TRANSPORT, 0));
        row(table, "invariants checked", invariants.size());
        row(table, "invariant violations", broken);
        table.append(String.format(
                "| %-44s | %12s |%n", "time", String.format("%.1f s (%.0f req/s)", seconds, requests / seconds)));
        table.append("Slowest answers:\n");
        slowest.descendingSet()
                .forEach(x -> table.append("  ")
                        .append(x.millis())
                        .append(" ms ")
                        .append(clip(x.what(), 200))
                        .append('\n'));
        for (Map.Entry<Invariants.Rule, Long> e : invariants.entrySet()) {
            if (e.getValue() > 0) {
                table.append(
                        "  BROKEN (" + e.getValue() + " rows): " + e.getKey().name() + "\n");
            }
        }
        System.out.println(table);
        if (!distinct.isEmpty()) {
            System.out.println("Distinct failures (operation, status, first violation) and how often:");
            distinct.forEach((k, v) -> System.out.println("  " + v + " × " + clip(k, 300)));
            for (Finding f : findings) {
                System.out.println("\n--- " + f.operation() + " → " + f.status() + " " + f.violations());
                System.out.println(f.request());
                System.out.println("<<< " + f.response());
            }
        }

        assertThat(perOperation.keySet())
                .as("every operation was fuzzed")
                .containsAll(operations.stream().map(OpenApi.Operation::key).collect(Collectors.toSet()));
        assertThat(distinct).as("failures (seed " + seed + "; details above)").isEmpty();
        assertThat(invariants.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey().name())
                        .toList())
                .as("database invariants broken after fuzzing")
                .isEmpty();
    }

    /**
     * Deletes every webhook subscription through the API, so that the deliveries the run queued (to a closed port)
     * stop retrying and do not change the tables under the test classes that run next.
     */
    private static void stopWebhooks(Fixtures fixtures) {
        String auth = fixtures.admin.authorization();
        String cursor = null;
        do {
            var list = RestAssured.given().header("Authorization", auth).queryParam("limit", 200);
            if (cursor != null) {
                list.queryParam("cursor", cursor);
            }
            var page = list.get("/api/v1/webhooks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String id : page.getList("items.id", String.class)) {
                String etag = RestAssured.given()
                        .header("Authorization", auth)
                        .get("/api/v1/webhooks/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
                RestAssured.given()
                        .header("Authorization", auth)
                        .header("If-Match", etag)
                        .delete("/api/v1/webhooks/" + id)
                        .then()
                        .statusCode(204);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
    }

    /** What an answer teaches about the data: new ids, ETags and cursors. */
    private static void learn(Fixtures fixtures, FuzzRequest request, RawHttp.Response response) {
        if (response.status() < 200 || response.status() > 299) {
            return;
        }
        String path =
                URI.create("http://h" + request.target().replace(" ", "%20")).getRawPath();
        String etag = response.header("etag");
        String location = response.header("location");
        if (etag != null) {
            if (location != null) {
                fixtures.etag(URI.create(location).getRawPath(), etag);
            } else if (request.method().equals("GET")
                    || request.method().equals("PUT")
                    || request.method().equals("PATCH")) {
                fixtures.etag(path, etag);
            } else if (request.method().equals("POST")) {
                fixtures.etag(generatorEntityPath(request, path), etag);
            }
        }
        String type = response.header("content-type");
        if (type == null || !type.contains("json") || response.body().length == 0) {
            return;
        }
        JsonNode body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            return;
        }
        if (body.path("nextCursor").isTextual()) {
            fixtures.cursor(request.op().key(), body.path("nextCursor").asText());
        }
        if (response.status() == 201 && request.method().equals("POST")) {
            String[] template = request.op().path().split("/");
            String[] concrete = path.split("/");
            String collection = template[template.length - 1];
            String pool = Generator.poolOf(collection);
            String parent = template.length >= 2
                            && template[template.length - 2].startsWith("{")
                            && concrete.length == template.length
                    ? concrete[concrete.length - 2]
                    : null;
            String id = body.path("id").isTextual()
                    ? body.path("id").asText()
                    : body.path("apiKey").path("id").asText(null);
            if (pool != null && id != null) {
                fixtures.add(pool, parent, id);
            }
            body.path("persons")
                    .forEach(p -> fixtures.add(
                            "persons", body.path("id").asText(), p.path("id").asText()));
        }
    }

    private static String generatorEntityPath(FuzzRequest request, String path) {
        return Generator.entityPathOf(request.op(), path);
    }

    private static void row(StringBuilder table, String name, Object value) {
        table.append(String.format("| %-44s | %12s |%n", name, value));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}

package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.fuzz.OpenApi;

@QuarkusTest
@Tag("external-db")
class IdempotencyTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void replayReturnsTheFirstAnswerAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String name = TestData.unique("Kesbangpol Kabupaten Wonosobo");
        Map<String, Object> body = TestData.agency(name, "KESBANGPOL", "33.07");
        ExtractableResponse<Response> first = admin().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract();
        var before = Db.snapshot();
        ExtractableResponse<Response> replay = admin().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();
        assertThat(replay.body().asString()).isEqualTo(first.body().asString());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(replay.contentType()).startsWith("application/json");
        Db.assertUnchanged(before);
        assertThat(Db.count("select count(*) from agency where name = ?", name)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key)
                .body(TestData.agency(TestData.unique("Kejari Wonosobo"), "KEJAKSAAN", "33.07"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        var before = Db.snapshot();
        admin().header("Idempotency-Key", key)
                .body(TestData.agency("Kejari Wonosobo (other)", "KEJAKSAAN", "33.07"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:idempotency-key-reused"));
        Db.assertUnchanged(before);
    }

    @Test
    void anEditWhoseAnswerWasLostIsAnsweredAgainFromItsKey() {
        String name = TestData.unique("Kesbangpol Kabupaten Bangka");
        String path = admin().body(TestData.agency(name, "KESBANGPOL", "19.01"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract()
                .header("Location");
        String put = UUID.randomUUID().toString();
        Map<String, Object> renamed = TestData.agency(name + " (Sungailiat)", "KESBANGPOL", "19.01");
        ExtractableResponse<Response> first = admin().header("Idempotency-Key", put)
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .extract();

        var before = Db.snapshot();
        ExtractableResponse<Response> replay = admin().header("Idempotency-Key", put)
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put(path)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"")
                .extract();
        assertThat(replay.body().asString()).isEqualTo(first.body().asString());
        // without its key the same PUT is judged again, and the version it names is gone
        admin().header("If-Match", "\"0\"").body(renamed).put(path).then().statusCode(412);
        // the key with another body is refused
        admin().header("Idempotency-Key", put)
                .header("If-Match", "\"0\"")
                .body(TestData.agency(name + " (Pangkalpinang)", "KESBANGPOL", "19.01"))
                .put(path)
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:terpadu:problem:idempotency-key-reused"));
        Db.assertUnchanged(before);

        // a merge patch too: its replay is its first answer, even after the record moved on
        String patchKey = UUID.randomUUID().toString();
        String patch = "{\"name\": \"" + name + " (Belinyu)\"}";
        ExtractableResponse<Response> patched = admin().header("Idempotency-Key", patchKey)
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .body(patch)
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .extract();
        admin().header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"" + name + " (Mentok)\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"");
        var moved = Db.snapshot();
        admin().header("Idempotency-Key", patchKey)
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .body(patch)
                .patch(path)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", "\"2\"")
                .body(equalTo(patched.body().asString()));
        Db.assertUnchanged(moved);
        assertThat(Db.count("select count(*) from agency where name = ?", name + " (Mentok)"))
                .isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key)
                .body(TestData.agency(TestData.unique("Dinas Kominfo Babel"), "OPD", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        // another caller using the same key string is not answered with the first caller's record
        coordinator("19")
                .header("Idempotency-Key", key)
                .body(TestData.agency(TestData.unique("Dinas Sosial Babel"), "OPD", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null);
    }

    @Test
    void failedRequestStoresNothingSoItCanBeRetried() {
        String key = UUID.randomUUID().toString();
        var before = Db.snapshot();
        admin().header("Idempotency-Key", key)
                .body(TestData.agency("Polres", "POLRI", "19.99"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(400);
        Db.assertUnchanged(before);
        admin().header("Idempotency-Key", key)
                .body(TestData.agency(TestData.unique("Polres Belitung"), "POLRI", "19.04"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
    }

    @Test
    void malformedKeyIs400() {
        var before = Db.snapshot();
        admin().header("Idempotency-Key", "x".repeat(300))
                .body(TestData.agency("Polres", "POLRI", "19.04"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        Db.assertUnchanged(before);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = TestData.unique("Satpol PP Kota Pangkal Pinang");
        Map<String, Object> body = TestData.agency(name, "OPD", "19.71");
        admin().get("/api/v1/agencies?limit=1").then().statusCode(200);
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(() -> admin().header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/agencies")
                        .then()
                        .extract());
            }
            List<String> bodies = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                ExtractableResponse<Response> r = f.get();
                assertThat(r.statusCode()).isEqualTo(201);
                bodies.add(r.body().asString());
            }
            assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("select count(*) from agency where name = ?", name)).isEqualTo(1);
        assertThat(Db.count(
                        "select count(*) from change_log c join agency a on a.id = c.entity_id where a.name = ?", name))
                .isEqualTo(1);
    }

    @Test
    void everyWriteOfTheApiHonoursTheKey() {
        // The OpenAPI document is generated from the code; every POST, PUT and PATCH must carry the header the
        // interceptor reads, but for tus's PATCH, whose Upload-Offset makes a repeated piece harmless.
        JsonPath doc = JsonPath.from(OpenApi.served().toString());
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int writes = 0;
        for (var path : paths.entrySet()) {
            for (String method : List.of("post", "put", "patch")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation =
                        (Map<String, Object>) path.getValue().get(method);
                if (operation == null || method.equals("patch") && tus(doc, operation)) {
                    continue;
                }
                writes++;
                assertThat(parameterNames(doc, operation))
                        .as(method + " " + path.getKey())
                        .contains("Idempotency-Key");
            }
        }
        assertThat(writes).isGreaterThanOrEqualTo(80);
        int annotated = 0;
        for (var bean : io.quarkus.arc.Arc.container()
                .beanManager()
                .getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            if (!resource.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                continue;
            }
            for (var method : resource.getDeclaredMethods()) {
                boolean write = method.isAnnotationPresent(jakarta.ws.rs.POST.class)
                        || method.isAnnotationPresent(jakarta.ws.rs.PUT.class)
                        || method.isAnnotationPresent(jakarta.ws.rs.PATCH.class);
                boolean tusAppend = method.isAnnotationPresent(jakarta.ws.rs.PATCH.class)
                        && method.isAnnotationPresent(jakarta.ws.rs.Consumes.class)
                        && List.of(method.getAnnotation(jakarta.ws.rs.Consumes.class)
                                        .value())
                                .contains("application/offset+octet-stream");
                if (write && !tusAppend) {
                    assertThat(method.isAnnotationPresent(id.terpadu.common.idempotency.Idempotent.class))
                            .as(resource.getSimpleName() + "." + method.getName())
                            .isTrue();
                    // the interceptor keeps and replays a Response: any other return type fails at the first key
                    assertThat(method.getReturnType())
                            .as(resource.getSimpleName() + "." + method.getName() + " returns")
                            .isEqualTo(jakarta.ws.rs.core.Response.class);
                    annotated++;
                }
            }
        }
        assertThat(annotated).isEqualTo(writes);
    }

    /** The names of an operation's parameters, following a reference to a shared one. */
    @SuppressWarnings("unchecked")
    private static List<String> parameterNames(JsonPath doc, Map<String, Object> operation) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
            Object ref = p.get("$ref");
            Map<String, Object> resolved = ref == null
                    ? p
                    : doc.getMap("components.parameters.'"
                            + ((String) ref).substring("#/components/parameters/".length()) + "'");
            names.add((String) resolved.get("name"));
        }
        return names;
    }

    /** A tus operation takes Tus-Resumable. */
    private static boolean tus(JsonPath doc, Map<String, Object> operation) {
        return parameterNames(doc, operation).contains("Tus-Resumable");
    }
}

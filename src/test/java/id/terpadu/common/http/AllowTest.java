package id.terpadu.common.http;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.support.Db;
import id.terpadu.support.fuzz.OpenApi;

/**
 * Every documented path answers {@code OPTIONS} with exactly the methods it serves: the methods the document lists
 * for it (plus HEAD with GET, and OPTIONS), the same {@code Allow} its 405 gives for each method it refuses, and the
 * same answer without a token. The framework's own OPTIONS listed the methods of every resource sharing the path's
 * prefix (29 operations advertised a method the path refused).
 */
@QuarkusTest
class AllowTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** A value for a path template's variable that fits its pattern without naming any record. */
    static String sample(String variable) {
        return switch (variable) {
            case "code" -> "19.71";
            case "kind" -> "conflict-categories";
            default -> UUID.randomUUID().toString();
        };
    }

    @Test
    void optionsAndEvery405NameTheSameMethodsAsTheDocument() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (OpenApi.Operation op : OpenApi.read(Path.of("openapi.yaml")).operations()) {
            if (op.path().startsWith("/api/")) {
                documented.computeIfAbsent(op.path(), p -> new TreeSet<>()).add(op.method());
            }
        }
        assertThat(documented).hasSizeGreaterThan(50);
        Map<String, String> before = Db.snapshot();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, Set<String>> entry : documented.entrySet()) {
            String path = entry.getKey().replaceAll("\\{([^}]+)}", "{$1}");
            StringBuilder concrete = new StringBuilder();
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                m.appendReplacement(concrete, sample(m.group(1)));
            }
            m.appendTail(concrete);
            String url = concrete.toString();
            Set<String> expected = new TreeSet<>(entry.getValue());
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            expected.add("OPTIONS");
            String allow = String.join(", ", expected);

            Response options = admin().options(url);
            if (options.statusCode() != 204 || !allow.equals(options.header("Allow"))) {
                wrong.add("OPTIONS " + url + " -> " + options.statusCode() + " Allow: " + options.header("Allow")
                        + " (documented: " + allow + ")");
            }
            Response unauthenticated = anonymous().options(url);
            if (unauthenticated.statusCode() != 204 || !allow.equals(unauthenticated.header("Allow"))) {
                wrong.add("OPTIONS without a token " + url + " -> " + unauthenticated.statusCode());
            }
            for (String method : METHODS) {
                if (expected.contains(method)) {
                    continue;
                }
                Response refusal =
                        admin().contentType("application/json").body("{}").request(method, url);
                refused++;
                if (refusal.statusCode() != 405 || !allow.equals(refusal.header("Allow"))) {
                    wrong.add(method + " " + url + " -> " + refusal.statusCode() + " Allow: " + refusal.header("Allow")
                            + " (documented: " + allow + ")");
                }
            }
        }
        assertThat(wrong).as("answers whose Allow differs from the document").isEmpty();
        assertThat(refused).isGreaterThan(100);
        Db.assertUnchanged(before);
    }

    /**
     * A body of a Content-Type the operation does not take is a 415 that names the ones it takes, exactly those the
     * document lists; a PATCH says them in {@code Accept-Patch} too (RFC 5789 §2.2). The bare 415 left a newcomer
     * guessing that a PATCH wants {@code application/merge-patch+json}.
     */
    @Test
    void every415NamesTheContentTypesTheDocumentLists() throws Exception {
        List<OpenApi.Operation> withBody = OpenApi.read(Path.of("openapi.yaml")).operations().stream()
                .filter(op -> op.path().startsWith("/api/") && !op.bodyTypes().isEmpty())
                // it takes no body: whatever it is sent is ignored
                .filter(op -> !op.path().equals("/api/v1/dev/demo-data"))
                .toList();
        assertThat(withBody).hasSizeGreaterThan(60);
        Map<String, String> before = Db.snapshot();
        List<String> wrong = new ArrayList<>();
        for (OpenApi.Operation op : withBody) {
            String url = op.path().replaceAll("\\{([^}]+)}", "%s");
            Object[] values = java.util.regex.Pattern.compile("\\{([^}]+)}")
                    .matcher(op.path())
                    .results()
                    .map(m -> sample(m.group(1)))
                    .toArray();
            url = url.formatted(values);
            String takes = String.join(", ", new TreeSet<>(op.bodyTypes()));
            // the preconditions an operation checks before it reads a body, met: tus's version, If-Match
            Response refusal = admin().header("Accept-Language", "en")
                    .header("If-Match", "\"0\"")
                    .header("Tus-Resumable", "1.0.0")
                    .contentType("application/x-unknown")
                    .body("x".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .request(op.method(), url);
            // and a body that does not say what it is
            java.net.http.HttpResponse<String> untyped = untyped(op.method(), url);
            if (untyped.statusCode() != 415 || !untyped.body().contains(takes)) {
                wrong.add(op.key() + " without a Content-Type -> " + untyped.statusCode() + " " + untyped.body());
            }
            String detail = refusal.statusCode() == 415 ? refusal.jsonPath().getString("detail") : "";
            boolean patchHeader = !op.method().equals("PATCH") || takes.equals(refusal.header("Accept-Patch"));
            // the tus operations word it their own way ("A piece of an upload is sent as …")
            boolean named =
                    detail.endsWith("it takes " + takes) || op.bodyTypes().size() == 1 && detail.endsWith(" " + takes);
            if (refusal.statusCode() != 415 || !named || !patchHeader) {
                wrong.add(op.key() + " -> " + refusal.statusCode() + " " + detail + " Accept-Patch: "
                        + refusal.header("Accept-Patch") + " (documented: " + takes + ")");
            }
        }
        assertThat(wrong)
                .as("415 answers that do not name what the document says the operation takes")
                .isEmpty();
        Db.assertUnchanged(before);
    }

    /** A request with a body and no Content-Type, which RestAssured would always add. */
    private static java.net.http.HttpResponse<String> untyped(String method, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header(
                        "Authorization",
                        "Bearer " + id.terpadu.support.Tokens.token("admin.pusat", List.of("ADMIN"), List.of(), null))
                .header("Accept-Language", "en")
                .header("If-Match", "\"0\"")
                .header("Tus-Resumable", "1.0.0")
                .build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void optionsOnAnAddressThatDoesNotExistIs404() {
        anonymous().options("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}

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

    @Test
    void optionsOnAnAddressThatDoesNotExistIs404() {
        anonymous().options("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}

package id.terpadu.support.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every answer must be: below 500; an error is an RFC 9457 problem whose {@code status} is the HTTP status; no
 * body names a class, a stack frame or SQL. Successful answers legitimately echo stored text (which the fuzzer
 * filled with injection strings), so they are searched only for markers that the fuzzer never sends; problem
 * documents must not echo input at all in a way that looks like SQL, and are searched for those patterns too.
 */
public final class Oracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Markers of a leak in any answer. */
    static final List<Pattern> ANYWHERE = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\bat (?:id\\.terpadu|java|jakarta|javax|org|io|com|sun|jdk)\\.[\\w.$]+\\("),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("Caused by:"),
            Pattern.compile("\\bid\\.terpadu\\.[a-z]"),
            Pattern.compile("\\bjava\\.(?:lang|util|io|sql|time|net|math|nio)\\b"),
            Pattern.compile("\\bjavax?\\.[a-z]+\\.[A-Za-z]"),
            Pattern.compile("\\bjakarta\\.[a-z]+"),
            Pattern.compile("\\bio\\.(?:quarkus|vertx|netty|smallrye|agroal|narayana)\\b"),
            Pattern.compile("\\borg\\.(?:hibernate|postgresql|jboss|flywaydb|eclipse)\\b"),
            Pattern.compile("\\bcom\\.fasterxml\\b"),
            Pattern.compile("SQLState|SQL state|SQL Error", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ERROR:  "),
            Pattern.compile("PSQLException|HHH\\d{5,6}"),
            Pattern.compile("\\bHibernate\\b"));

    /** Markers that a problem document must not contain even when they came from the request. */
    static final List<Pattern> IN_PROBLEMS = List.of(
            Pattern.compile("\\bselect\\b.{0,300}?\\bfrom\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            Pattern.compile("\\binsert\\s+into\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bupdate\\s+\\w+\\s+set\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bdelete\\s+from\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bdrop\\s+table\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("syntax error at or near", Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "violates (?:foreign key|unique|check|not-null|exclusion) constraint", Pattern.CASE_INSENSITIVE),
            Pattern.compile("duplicate key value", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:relation|column) \"\\w+\"", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bpg_\\w+"));

    public enum Kind {
        SERVER_ERROR,
        NOT_PROBLEM_JSON,
        LEAK,
        TRANSPORT
    }

    /** One violated expectation: what was wrong, and the matched text or a reason. */
    public record Violation(Kind kind, String what) {}

    private Oracle() {}

    /**
     * An answer of the HTTP codec itself to a request it cannot parse (a request line past its limit, a broken
     * percent-escape or a character not allowed in a request target): 400, 414 or 431 with no body and no
     * Content-Type. No application code runs for it, so it cannot carry a problem document; it is counted
     * apart and is no failure.
     */
    public static boolean refusedByCodec(RawHttp.Response response) {
        return (response.status() == 400 || response.status() == 414 || response.status() == 431)
                && response.body().length == 0
                && response.header("content-type") == null;
    }

    /** As {@link #check(RawHttp.Response)}; the answer to a HEAD has no body, so only its Content-Type is judged. */
    public static List<Violation> check(String method, RawHttp.Response response) {
        if (!"HEAD".equals(method)) {
            return check(response);
        }
        List<Violation> violations = new ArrayList<>();
        if (refusedByCodec(response)) {
            // a request line the HTTP codec refuses (an undecodable path) never reaches the service, HEAD or not
            return violations;
        }
        if (response.status() >= 500) {
            violations.add(new Violation(Kind.SERVER_ERROR, "status " + response.status()));
        }
        String type = response.header("content-type");
        if (response.status() >= 400 && (type == null || !type.toLowerCase().startsWith("application/problem+json"))) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "Content-Type " + type));
        }
        if (response.body().length > 0) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "a HEAD answered with a body"));
        }
        return violations;
    }

    public static List<Violation> check(RawHttp.Response response) {
        List<Violation> violations = new ArrayList<>();
        int status = response.status();
        String body = response.text();
        if (refusedByCodec(response)) {
            return violations;
        }
        if (status >= 500) {
            violations.add(new Violation(Kind.SERVER_ERROR, "status " + status));
        }
        if (status >= 400) {
            String type = response.header("content-type");
            if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
                violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "Content-Type " + type));
            } else {
                problemShape(status, body, violations);
            }
        }
        List<Pattern> patterns = new ArrayList<>(ANYWHERE);
        if (status >= 400) {
            patterns.addAll(IN_PROBLEMS);
        }
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(body);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60);
                int to = Math.min(body.length(), m.end() + 60);
                violations.add(new Violation(
                        Kind.LEAK, "/" + pattern.pattern() + "/ matched: …" + body.substring(from, to) + "…"));
            }
        }
        return violations;
    }

    private static void problemShape(int status, String body, List<Violation> violations) {
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (java.io.IOException e) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "body is not JSON"));
            return;
        }
        if (problem == null || !problem.isObject()) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "body is not a JSON object"));
            return;
        }
        if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "no type"));
        }
        if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
            violations.add(new Violation(Kind.NOT_PROBLEM_JSON, "no title"));
        }
        if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
            violations.add(new Violation(
                    Kind.NOT_PROBLEM_JSON, "status member " + problem.path("status") + " for HTTP " + status));
        }
    }
}

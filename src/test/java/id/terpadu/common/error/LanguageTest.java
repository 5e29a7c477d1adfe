package id.terpadu.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.attachment.AttachmentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Every problem type, provoked by a representative bad request, answers in Indonesian without Accept-Language and in
 * English with {@code Accept-Language: en}: the language named in Content-Language (with Vary: Accept-Language), a
 * detail and field messages in that language, field codes and parameters that do not change with it. An Indonesian
 * answer holds no English: no wording of the English bundles and no English word that Indonesian never uses.
 * The expensive-read budget is one request, so that the 429 can be provoked too, and a body may pause 1.5 s, so that
 * the 408 can.
 */
@QuarkusTest
@TestProfile(LanguageTest.OneExpensiveRead.class)
class LanguageTest {

    public static class OneExpensiveRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "terpadu.rate-limit.expensive.limit",
                    "1",
                    "terpadu.rate-limit.expensive.window",
                    "1H",
                    "quarkus.http.read-timeout",
                    "1500ms");
        }
    }

    /** Words of English sentences that Indonesian does not use (codes and names are upper case or joined). */
    private static final List<String> ENGLISH_WORDS = List.of(
            " the ",
            " must ",
            " is not ",
            " cannot ",
            " is ",
            " are ",
            " may ",
            " should ",
            " with ",
            " of ",
            " and ",
            " or ",
            " not ",
            " be ");

    private static final Pattern UNFILLED = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*\\}");

    private static final AtomicInteger CALLERS = new AtomicInteger();

    /** A bad request of one problem type, sent in the language given ({@code null}: no Accept-Language). */
    record Case(String name, ProblemType type, Function<String, Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "constraints of a body",
                        ProblemType.VALIDATION,
                        language -> admin(language)
                                .body(
                                        "{\"name\": \"  \", \"regionCode\": \"1.2\", \"contact\": {\"email\": \"not-an-email\"}}")
                                .post("/api/v1/agencies")),
                new Case(
                        "a size",
                        ProblemType.VALIDATION,
                        language -> admin(language)
                                .body(Map.of("name", "x".repeat(201), "type", "POLRI"))
                                .post("/api/v1/agencies")),
                new Case(
                        "an unknown enum value",
                        ProblemType.VALIDATION,
                        language -> admin(language)
                                .body(Map.of("name", "Polres", "type", "MILITIA"))
                                .post("/api/v1/agencies")),
                new Case(
                        "a query parameter",
                        ProblemType.VALIDATION,
                        language -> admin(language).get("/api/v1/agencies?limit=0")),
                new Case(
                        "a rule of the service",
                        ProblemType.VALIDATION,
                        language -> admin(language).get("/api/v1/incidents?severityMin=5&severityMax=1")),
                new Case(
                        "malformed JSON",
                        ProblemType.MALFORMED_BODY,
                        language ->
                                admin(language).body("{\"name\": \"Polres\", ").post("/api/v1/agencies")),
                new Case(
                        "no token",
                        ProblemType.UNAUTHORIZED,
                        language -> speaking(RestAssured.given(), language).get("/api/v1/agencies")),
                new Case(
                        "a province administrator and the national list",
                        ProblemType.FORBIDDEN,
                        language -> speaking(Tokens.as(caller(), List.of("ADMIN"), List.of("13")), language)
                                .contentType("text/csv")
                                .body("kode,nama\n31,Jakarta Raya\n")
                                .post("/api/v1/regions/import")),
                new Case(
                        "a role without the right",
                        ProblemType.FORBIDDEN,
                        language -> speaking(Tokens.as(caller(), List.of("ANALYST"), List.of()), language)
                                .body(TestData.agency("Polres", "POLRI", null))
                                .post("/api/v1/agencies")),
                new Case(
                        "a record that does not exist",
                        ProblemType.NOT_FOUND,
                        language -> admin(language).get("/api/v1/agencies/{id}", UUID.randomUUID())),
                new Case(
                        "an address that does not exist",
                        ProblemType.NOT_FOUND,
                        language -> admin(language).get("/api/v1/no-such-thing")),
                new Case(
                        "an address outside the API",
                        ProblemType.NOT_FOUND,
                        language -> speaking(RestAssured.given(), language).get("/no-such-page")),
                new Case(
                        "a method the address lacks",
                        ProblemType.METHOD_NOT_ALLOWED,
                        language -> admin(language).patch("/api/v1/agencies")),
                new Case(
                        "a format the address lacks",
                        ProblemType.NOT_ACCEPTABLE,
                        language -> admin(language).accept("text/csv").get("/api/v1/agencies")),
                new Case(
                        "an id that is taken",
                        ProblemType.CONFLICT,
                        language -> admin(language).body(EXISTING_BODY).post("/api/v1/agencies")),
                new Case(
                        "a stale If-Match",
                        ProblemType.PRECONDITION_FAILED,
                        language -> admin(language)
                                .header("If-Match", "\"99\"")
                                .body(EXISTING_BODY)
                                .put("/api/v1/agencies/{id}", EXISTING)),
                new Case(
                        "a body over the limit",
                        ProblemType.PAYLOAD_TOO_LARGE,
                        language -> admin(language)
                                .body("{\"name\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                                .post("/api/v1/agencies")),
                new Case(
                        "XML",
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        language -> admin(language)
                                .contentType("application/xml")
                                .body("<agency/>")
                                .post("/api/v1/agencies")),
                new Case("an Idempotency-Key used for another body", ProblemType.IDEMPOTENCY_KEY_REUSED, language -> {
                    String caller = caller();
                    String key = UUID.randomUUID().toString();
                    Tokens.as(caller, List.of("ADMIN"), List.of())
                            .header("Idempotency-Key", key)
                            .body(TestData.agency(TestData.unique("Polres"), "POLRI", null))
                            .post("/api/v1/agencies")
                            .then()
                            .statusCode(201);
                    return speaking(Tokens.as(caller, List.of("ADMIN"), List.of()), language)
                            .header("Idempotency-Key", key)
                            .body(TestData.agency(TestData.unique("Polres"), "POLRI", null))
                            .post("/api/v1/agencies");
                }),
                new Case(
                        "no If-Match",
                        ProblemType.PRECONDITION_REQUIRED,
                        language -> admin(language).body(EXISTING_BODY).put("/api/v1/agencies/{id}", EXISTING)),
                new Case("the second expensive read", ProblemType.TOO_MANY_REQUESTS, language -> {
                    String caller = caller();
                    Tokens.as(caller, List.of("ADMIN"), List.of())
                            .get("/api/v1/feed/changes/latest")
                            .then()
                            .statusCode(200);
                    return speaking(Tokens.as(caller, List.of("ADMIN"), List.of()), language)
                            .get("/api/v1/feed/changes/latest");
                }),
                new Case("an upload that expired", ProblemType.GONE, language -> {
                    String upload = AttachmentResourceTest.startUpload("13.77", 10);
                    Db.execute("update attachment_upload set expires_at = now() - interval '1 second' "
                            + "where attachment_id = '" + upload.substring(upload.lastIndexOf('/') + 1) + "'");
                    return speaking(Tokens.coordinator("13"), language)
                            .header("Tus-Resumable", "1.0.0")
                            .contentType("application/offset+octet-stream")
                            .header("Upload-Offset", "0")
                            .body(new byte[1])
                            .patch(upload);
                }),
                new Case("a range past the end", ProblemType.RANGE_NOT_SATISFIABLE, language -> {
                    String attachment = AttachmentResourceTest.attachPhoto("13.77");
                    return speaking(Tokens.coordinator("13"), language)
                            .header("Range", "bytes=999999999-")
                            .get("/api/v1/attachments/" + attachment + "/content");
                }),
                new Case(
                        "a tus version the service does not speak",
                        ProblemType.TUS_VERSION,
                        language -> speaking(Tokens.coordinator("13"), language)
                                .header("Tus-Resumable", "0.2.2")
                                .header("Upload-Length", "10")
                                .post("/api/v1/uploads")),
                new Case("a piece that does not match its checksum", ProblemType.CHECKSUM_MISMATCH, language -> {
                    String upload = AttachmentResourceTest.startUpload("13.77", 10);
                    return speaking(Tokens.coordinator("13"), language)
                            .header("Tus-Resumable", "1.0.0")
                            .contentType("application/offset+octet-stream")
                            .header("Upload-Offset", "0")
                            .header(
                                    "Upload-Checksum",
                                    "sha256 " + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                            .body(new byte[10])
                            .patch(upload);
                }),
                new Case("a body that stopped arriving", ProblemType.REQUEST_TIMEOUT, LanguageTest::stalled),
                new Case(
                        "a database that went away",
                        ProblemType.SERVICE_UNAVAILABLE,
                        language -> speaking(RestAssured.given(), language).get("/api/v1/test-only/database-down")),
                new Case(
                        "a bug",
                        ProblemType.INTERNAL,
                        language -> speaking(RestAssured.given(), language).get("/api/v1/test-only/failure")));
    }

    private static final UUID EXISTING = UUID.randomUUID();
    private static final Map<String, Object> EXISTING_BODY =
            new HashMap<>(Map.of("id", EXISTING.toString(), "name", "Polres Sawahlunto", "type", "POLRI"));
    private static boolean existing;

    /** Each request a caller of its own: budgets and idempotency keys are per caller. */
    private static String caller() {
        return "language." + UUID.randomUUID().toString().substring(0, 8) + "." + CALLERS.incrementAndGet();
    }

    private static RequestSpecification admin(String language) {
        if (!existing) {
            Tokens.admin().body(EXISTING_BODY).post("/api/v1/agencies").then().statusCode(201);
            existing = true;
        }
        return speaking(Tokens.as(caller(), List.of("ADMIN"), List.of()), language);
    }

    /**
     * Half a body, then nothing: the edge answers 408 after the read timeout, before any token is looked at, and closes
     * the connection. Read from a socket of its own, since an HTTP client would wait to send the rest.
     */
    private static Response stalled(String language) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n" + (language == null ? "" : "Accept-Language: " + language + "\r\n")
                    + "\r\n{\"name\": ";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            List<io.restassured.http.Header> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new io.restassured.http.Header(
                        lines[i].substring(0, colon).trim(),
                        lines[i].substring(colon + 1).trim()));
            }
            io.restassured.http.Headers all = new io.restassured.http.Headers(headers);
            return new io.restassured.builder.ResponseBuilder()
                    .setStatusCode(Integer.parseInt(lines[0].split(" ")[1]))
                    .setStatusLine(lines[0])
                    .setHeaders(all)
                    .setContentType(all.getValue("Content-Type"))
                    .setBody(answer.substring(end + 4))
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RequestSpecification speaking(RequestSpecification request, String language) {
        request.contentType(ContentType.JSON);
        return language == null ? request : request.header("Accept-Language", language);
    }

    @Test
    void everyProblemTypeHasACase() {
        Set<ProblemType> covered = EnumSet.noneOf(ProblemType.class);
        cases().forEach(c -> covered.add(c.type()));
        assertThat(covered).containsExactlyInAnyOrder(ProblemType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersInIndonesianByDefaultAndInEnglishWhenAsked(Case c) {
        JsonPath indonesian = answer(c, null, "id");
        JsonPath english = answer(c, "en", "en");

        assertThat(english.getString("title"))
                .isEqualTo(c.type().title("en"))
                .isNotEqualTo(indonesian.getString("title"));
        assertThat(indonesian.getString("title")).isEqualTo(c.type().title("id"));
        assertThat(english.getString("detail")).as("detail").isNotEqualTo(indonesian.getString("detail"));
        List<Map<String, Object>> idErrors = errors(indonesian);
        List<Map<String, Object>> enErrors = errors(english);
        assertThat(enErrors).hasSameSizeAs(idErrors);
        for (int i = 0; i < idErrors.size(); i++) {
            Map<String, Object> id = idErrors.get(i);
            Map<String, Object> en = enErrors.get(i);
            assertThat(en.get("field")).isEqualTo(id.get("field"));
            assertThat(en.get("code"))
                    .as("a code does not change with the language")
                    .isEqualTo(id.get("code"));
            assertThat(en.get("params")).as("nor do its parameters").isEqualTo(id.get("params"));
            assertThat(en.get("message"))
                    .as(id.get("field") + " " + id.get("code"))
                    .isNotEqualTo(id.get("message"));
        }
        assertNoEnglish(c, texts(indonesian));
    }

    @Test
    void fieldErrorsCarryTheirCodeAndParameters() {
        JsonPath constraints = answer(
                cases().filter(c -> c.name().equals("constraints of a body"))
                        .findFirst()
                        .orElseThrow(),
                null,
                "id");
        assertThat(constraints.getList("errors.code", String.class))
                .contains("not-blank", "not-null", "format.region-code", "email", "format.one-line-not-blank");
        assertThat(constraints.getString("errors.find { it.code == 'format.region-code' }.field"))
                .isEqualTo("regionCode");
        assertThat(constraints.getString("errors.find { it.code == 'format.region-code' }.message"))
                .isEqualTo(Message.of("format.region-code").in("id"));
        assertThat(constraints.getString("errors.find { it.code == 'not-null' }.message"))
                .isEqualTo("wajib diisi");

        JsonPath size = answer(
                cases().filter(c -> c.name().equals("a size")).findFirst().orElseThrow(), "en", "en");
        assertThat(size.getString("errors[0].code")).isEqualTo("size");
        assertThat(size.getMap("errors[0].params")).containsEntry("min", 0).containsEntry("max", 200);
        assertThat(size.getString("errors[0].message")).isEqualTo("size must be between 0 and 200");

        JsonPath limit = answer(
                cases().filter(c -> c.name().equals("a query parameter"))
                        .findFirst()
                        .orElseThrow(),
                null,
                "id");
        assertThat(limit.getString("errors[0].code")).isEqualTo("params.integer");
        assertThat(limit.getMap("errors[0].params")).containsEntry("min", 1).containsEntry("max", 200);
        assertThat(limit.getString("errors[0].message")).isEqualTo("harus bilangan bulat dari 1 sampai 200");
    }

    @Test
    void theValidatorFollowsTheSameChoiceOfLanguage() {
        // Quarkus alone would match these against quarkus.locales by its own rule; Languages.pick decides for both
        for (String header : List.of("*", "fr", "en-GB;q=0.2, id;q=0.8", "id-ID", "in")) {
            JsonPath answer = speaking(Tokens.admin(), header)
                    .body(Map.of("name", "x".repeat(201), "type", "POLRI"))
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(400)
                    .header("Content-Language", "id")
                    .extract()
                    .jsonPath();
            assertThat(answer.getString("errors[0].message")).as(header).isEqualTo("ukuran harus antara 0 dan 200");
        }
        for (String header : List.of("en", "en-US,en;q=0.9", "fr, en;q=0.5", "EN")) {
            JsonPath answer = speaking(Tokens.admin(), header)
                    .body(Map.of("name", "x".repeat(201), "type", "POLRI"))
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(400)
                    .header("Content-Language", "en")
                    .extract()
                    .jsonPath();
            assertThat(answer.getString("errors[0].message")).as(header).isEqualTo("size must be between 0 and 200");
        }
    }

    private static JsonPath answer(Case c, String header, String language) {
        Response response = c.send().apply(header);
        String what = c.name() + " (" + language + ")";
        assertThat(response.statusCode())
                .as(what + ": " + response.asString())
                .isEqualTo(c.type().status());
        assertThat(response.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.header("Content-Language")).as(what).isEqualTo(language);
        assertThat(response.headers().getValues("Vary").stream()
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(v -> v.trim().toLowerCase(Locale.ROOT))
                        .toList())
                .as(what + " Vary")
                .contains("accept-language");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("type")).as(what).isEqualTo(c.type().uri());
        assertThat(json.getString("detail")).as(what).isNotBlank();
        for (Map<String, Object> error : errors(json)) {
            assertThat((String) error.get("message"))
                    .as(what + " " + error.get("field"))
                    .isNotBlank();
            assertThat((String) error.get("code"))
                    .as(what + " " + error.get("field"))
                    .matches("[a-z][a-z0-9.-]*");
        }
        for (String text : texts(json)) {
            assertThat(UNFILLED.matcher(text).find())
                    .as(what + ": a parameter left unfilled in " + text)
                    .isFalse();
        }
        return json;
    }

    private static List<Map<String, Object>> errors(JsonPath json) {
        List<Map<String, Object>> errors = json.getList("errors");
        return errors == null ? List.of() : errors;
    }

    private static List<String> texts(JsonPath json) {
        List<String> texts = new ArrayList<>();
        texts.add(json.getString("title"));
        texts.add(json.getString("detail"));
        errors(json).forEach(error -> texts.add((String) error.get("message")));
        return texts;
    }

    /**
     * No text of an Indonesian answer holds an English wording: a stretch of three or more words of an English
     * message (its parameters taken out) that the Indonesian message of the same key does not share, or an English
     * word of those listed.
     */
    private static void assertNoEnglish(Case c, List<String> indonesian) {
        for (String text : indonesian) {
            String padded = " " + text.toLowerCase(Locale.ROOT).replaceAll("[;:,.()]", " ") + " ";
            for (String word : ENGLISH_WORDS) {
                assertThat(padded)
                        .as(c.name() + ": English word '" + word.trim() + "' in \"" + text + "\"")
                        .doesNotContain(word);
            }
            for (String fragment : EnglishFragments.ALL) {
                assertThat(text)
                        .as(c.name() + ": English wording in \"" + text + "\"")
                        .doesNotContain(fragment);
            }
        }
    }

    /** The stretches of English wording in the English bundles that their Indonesian counterparts lack. */
    static final class EnglishFragments {
        static final List<String> ALL = load();

        private static List<String> load() {
            List<String> fragments = new ArrayList<>();
            for (String name : List.of(Messages.PROBLEMS, Messages.VALIDATION)) {
                var english = Messages.bundle(name, "en");
                var indonesian = Messages.bundle(name, "id");
                for (String key : english.keySet()) {
                    String other = indonesian.containsKey(key) ? indonesian.getString(key) : "";
                    for (String piece : english.getString(key).split("\\$\\{[^}]*\\}|\\{[^}]*\\}")) {
                        String fragment = piece.strip();
                        if (fragment.split("\\s+").length >= 3 && !other.contains(fragment)) {
                            fragments.add(fragment);
                        }
                    }
                }
            }
            assertThat(fragments).as("English fragments").hasSizeGreaterThan(100);
            return List.copyOf(fragments);
        }
    }
}

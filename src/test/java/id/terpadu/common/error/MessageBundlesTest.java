package id.terpadu.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundles agree with each other and with the code: both languages have exactly the same keys and the same
 * {@code {name}} parameters in each message; every key the code names exists, and every key of the project's messages
 * is named somewhere in the code.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([A-Za-z][A-Za-z0-9]*)\\}");
    /** {@code Message.of("key"}: the one way the code names a message of the bundles. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"");
    /** {@code "{key}"} in a constraint's message, or a constant holding one (a path template has no dot). */
    private static final Pattern CONSTRAINT_KEY =
            Pattern.compile("\"\\{([a-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)+)\\}\"");

    @Test
    void problemBundlesHaveTheSameKeysAndParameters() {
        sameKeysAndParameters(Messages.PROBLEMS);
    }

    @Test
    void validationBundlesHaveTheSameKeysAndParameters() throws IOException {
        sameKeysAndParameters(Messages.VALIDATION);
        java.util.Properties english = new java.util.Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/ValidationMessages_en.properties")) {
            english.load(in);
        }
        assertThat(english)
                .as("ValidationMessages_en only stops the fallback to the machine's locale; English is the "
                        + "base bundle")
                .isEmpty();
    }

    @Test
    void everyStandardConstraintHasAnIndonesianMessage() {
        ResourceBundle indonesian = Messages.bundle(Messages.VALIDATION, "id");
        for (String constraint : new String[] {
            "AssertFalse",
            "AssertTrue",
            "DecimalMax",
            "DecimalMin",
            "Digits",
            "Email",
            "Future",
            "FutureOrPresent",
            "Max",
            "Min",
            "Negative",
            "NegativeOrZero",
            "NotBlank",
            "NotEmpty",
            "NotNull",
            "Null",
            "Past",
            "PastOrPresent",
            "Pattern",
            "Positive",
            "PositiveOrZero",
            "Size"
        }) {
            assertThat(indonesian.containsKey("jakarta.validation.constraints." + constraint + ".message"))
                    .as(constraint)
                    .isTrue();
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryMessageIsUsed() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> constraintKeys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = MESSAGE_KEY.matcher(source);
                while (m.find()) {
                    named.add(m.group(1));
                }
                Matcher c = CONSTRAINT_KEY.matcher(source);
                while (c.find()) {
                    constraintKeys.add(c.group(1));
                }
            }
        }
        assertThat(named).as("keys named in the code").hasSizeGreaterThan(150);
        ResourceBundle problems = Messages.bundle(Messages.PROBLEMS, "en");
        ResourceBundle validation = Messages.bundle(Messages.VALIDATION, "en");
        for (String key : named) {
            assertThat(problems.containsKey(key) || validation.containsKey(key))
                    .as("Message.of(\"" + key + "\")")
                    .isTrue();
        }
        for (String key : constraintKeys) {
            assertThat(validation.containsKey(key))
                    .as("constraint message {" + key + "}")
                    .isTrue();
        }
        assertThat(constraintKeys)
                .as("the formats of the request records")
                .contains(
                        "format.region-code",
                        "format.one-line",
                        "format.one-line-not-blank",
                        "format.https-link",
                        "format.nip",
                        "format.phone");
        assertThat(new TreeSet<>(problems.keySet()))
                .as("messages no code names")
                .isSubsetOf(named);
    }

    /** The codes a client may meet in a field error are in the table of docs/conventions.md. */
    @Test
    void everyFieldCodeIsDocumented() throws IOException {
        String conventions = Files.readString(Path.of("docs/conventions.md"));
        Pattern refusal =
                Pattern.compile("(?:ProblemException\\.invalid|RegionCsv\\.add|\\badd)\\((?:[^;])*?;", Pattern.DOTALL);
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = refusal.matcher(Files.readString(file));
                while (call.find()) {
                    Matcher key = MESSAGE_KEY.matcher(call.group());
                    while (key.find()) {
                        codes.add(key.group(1));
                    }
                }
            }
        }
        Messages.bundle(Messages.VALIDATION, "en").keySet().stream()
                .filter(k -> k.startsWith("format."))
                .forEach(codes::add);
        assertThat(codes).hasSizeGreaterThan(80);
        for (String code : codes) {
            assertThat(conventions)
                    .as("docs/conventions.md lists the code " + code)
                    .contains("| `" + code + "` |");
        }
    }

    @Test
    void parametersAreFilledInBothLanguages() {
        Message message = Message.of("task.transition.refused", "from", "OPEN", "to", "DONE");
        assertThat(message.in("id")).isEqualTo("Tugas berstatus OPEN tidak dapat dipindahkan ke DONE");
        assertThat(message.in("en")).isEqualTo("A task in OPEN cannot move to DONE");
        assertThat(Message.of("params.enum", "allowed", java.util.List.of("A", "B"))
                        .in("id"))
                .isEqualTo("bukan salah satu dari A, B");
        assertThat(Message.of(
                                "validation.field",
                                "field",
                                "reason",
                                "message",
                                Message.of("task.reason.required", "state", "UNABLE"))
                        .in("en"))
                .isEqualTo("reason: is required when the task becomes UNABLE");
    }

    private static void sameKeysAndParameters(String name) {
        ResourceBundle english = Messages.bundle(name, "en");
        ResourceBundle indonesian = Messages.bundle(name, "id");
        assertThat(new TreeSet<>(indonesian.keySet())).as(name + " keys").isEqualTo(new TreeSet<>(english.keySet()));
        TreeMap<String, String> differing = new TreeMap<>();
        for (String key : english.keySet()) {
            Set<String> en = placeholders(english.getString(key));
            Set<String> id = placeholders(indonesian.getString(key));
            if (!en.equals(id)) {
                differing.put(key, en + " / " + id);
            }
            assertThat(indonesian.getString(key)).as(key).isNotBlank();
        }
        assertThat(differing)
                .as(name + ": parameters that differ between English and Indonesian")
                .isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

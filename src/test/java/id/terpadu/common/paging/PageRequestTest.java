package id.terpadu.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * The paging parameters of every list: {@code limit} 1–200 (default 50) and the opaque cursor, base64url of a JSON
 * array of the last item's sort-key values. No Quarkus boot.
 */
class PageRequestTest {

    @Test
    void aCursorIsUnpaddedBase64urlOfAJsonArray() {
        String cursor = PageRequest.encode(List.of("2024-10-12T09:30:00Z", "6f1c"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .isEqualTo("[\"2024-10-12T09:30:00Z\",\"6f1c\"]");
    }

    @Test
    void whatIsEncodedDecodesToTheSameValues() {
        for (List<String> values : List.of(
                List.of("a"),
                List.of("Kab. Padang Pariaman", "13.05"),
                List.of("\"quoted\" \\ back/slash", "line\nbreak", "tab\t", "ünïcödé 🌾", ""),
                List.of("?>?>?>", "~~~", "ÿÿÿ"))) {
            String cursor = PageRequest.encode(values);
            assertThat(cursor).as(values.toString()).doesNotContain("+", "/", "=");
            assertThat(PageRequest.of(null, cursor).after()).isEqualTo(values);
        }
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(PageRequest.of(null, null).after()).isNull();
        assertThat(PageRequest.of(null, "").after()).isNull();
        assertThat(PageRequest.of(null, "  ").after()).isNull();
    }

    @Test
    void aPaddedCursorIsReadToo() {
        // some clients pad base64; the same bytes are meant
        String unpadded = PageRequest.encode(List.of("abc"));
        String padded = unpadded + "=".repeat((4 - unpadded.length() % 4) % 4);
        assertThat(padded).isNotEqualTo(unpadded);
        assertThat(PageRequest.of(null, padded).after()).containsExactly("abc");
    }

    @Test
    void aCursorThisServiceCouldNotHaveGivenOutIsA400() {
        List<String> bad = List.of(
                "not base64!",
                "WyJh+/==", // standard base64, not base64url
                b64("not json"),
                b64("{\"k\":\"v\"}"),
                b64("\"a\""),
                b64("[]"),
                b64("null"),
                b64("[\"a\",null]"),
                b64("[[\"nested\"]]"),
                b64("["),
                "A".repeat(PageRequest.MAX_CURSOR_LENGTH + 1));
        for (String cursor : bad) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.of(null, cursor));
            assertThat(e)
                    .as(cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor)
                    .isNotNull();
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("cursor");
                assertThat(f.code()).isEqualTo("params.cursor");
            });
        }
    }

    @Test
    void aLongCursorIsRefusedOnlyPastTheLimit() {
        // a value of 1,530 characters encodes to a cursor of 2,046, one of 1,540 to 2,059
        String atLimit = PageRequest.encode(List.of("x".repeat(1530)));
        assertThat(atLimit.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
        assertThat(PageRequest.of(null, atLimit).after())
                .singleElement()
                .asString()
                .hasSize(1530);
        String over = PageRequest.encode(List.of("x".repeat(1540)));
        assertThat(over.length()).isGreaterThan(PageRequest.MAX_CURSOR_LENGTH);
        assertThat(catchThrowableOfType(ProblemException.class, () -> PageRequest.of(null, over)))
                .isNotNull();
    }

    @Test
    void theFeedNamesItsOwnParameterAndCodeInTheRefusal() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class,
                () -> PageRequest.of(null, "!!", "after", id.terpadu.common.error.Message.of("feed.cursor")));
        assertThat(e.errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("after");
            assertThat(f.code()).isEqualTo("feed.cursor");
        });
    }

    @Test
    void theLimitIsOneTo200AndDefaults50() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of("", null).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(PageRequest.of("1", null).limit()).isEqualTo(1);
        assertThat(PageRequest.of("200", null).limit()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(PageRequest.of(" 20 ", null).limit()).isEqualTo(20);
        for (String limit : new String[] {
            "0", "201", "-1", "abc", "1.5", "1e2", "99999999999", "0x10", "\u0662\u0660", "\uff12\uff10"
        }) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.of(limit, null));
            assertThat(e).as(limit).isNotNull();
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("limit");
                assertThat(f.code()).isEqualTo("params.integer");
                assertThat(f.params()).containsEntry("min", 1).containsEntry("max", 200);
            });
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

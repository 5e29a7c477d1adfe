package id.terpadu.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.EntityTag;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * Optimistic concurrency over HTTP (RFC 9110 §8.8.3 and §13.1.1): a record's strong ETag is its version, a write must
 * send it in {@code If-Match} (428 without), and a stale or foreign tag is a 412. The HTTP round trip is
 * {@code PreconditionTest}'s; this is the rule alone, without a Quarkus boot.
 */
class ETagsTest {

    @Test
    void aRecordsTagIsItsVersionAsAStrongTag() {
        EntityTag tag = ETags.of(7);
        assertThat(tag.getValue()).isEqualTo("7");
        assertThat(tag.isWeak()).isFalse();
        assertThat(ETags.of(0).getValue()).isEqualTo("0");
        assertThat(ETags.of(Long.MAX_VALUE).getValue()).isEqualTo("9223372036854775807");
    }

    @Test
    void aContentTagIsTheFirst12BytesOfTheSha256() {
        // SHA-256 of no bytes is e3b0c442 98fc1c14 9afbf4c8 996fb924 …
        assertThat(ETags.ofContent(new byte[0]).getValue()).isEqualTo("e3b0c44298fc1c149afbf4c8");
        // SHA-256("abc") is ba7816bf 8f01cfea 414140de 5dae2223 …
        assertThat(ETags.ofContent("abc".getBytes(StandardCharsets.US_ASCII)).getValue())
                .isEqualTo("ba7816bf8f01cfea414140de");
        assertThat(ETags.ofContent("abc".getBytes(StandardCharsets.US_ASCII)).isWeak())
                .isFalse();
        assertThat(ETags.ofContent("abd".getBytes(StandardCharsets.US_ASCII)))
                .isNotEqualTo(ETags.ofContent("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void withoutIfMatchAWriteIsA428() {
        for (String missing : new String[] {null, "", "   "}) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> ETags.requireIfMatch(missing));
            assertThat(e).as("'%s'", missing).isNotNull();
            assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED);
            assertThat(e.type().status()).isEqualTo(428);
            assertThat(e.detail().key()).isEqualTo("if-match.required");
        }
    }

    @Test
    void aStarMatchesAnyVersionAndAQuotedNumberNamesOne() {
        assertThat(ETags.requireIfMatch("*")).isNull();
        assertThat(ETags.requireIfMatch(" * ")).isNull();
        assertThat(ETags.requireIfMatch("\"3\"")).isEqualTo(3L);
        assertThat(ETags.requireIfMatch("  \"3\"  ")).isEqualTo(3L);
        assertThat(ETags.requireIfMatch("\"0\"")).isZero();
    }

    @Test
    void aRecordWithAttachmentsAddsTheirCountAndIfMatchReadsOnlyItsVersion() {
        assertThat(ETags.of(new Counted(3, 0)).getValue()).isEqualTo("3");
        assertThat(ETags.of(new Counted(3, null)).getValue()).isEqualTo("3");
        assertThat(ETags.of(new Counted(3, 2)).getValue()).isEqualTo("3-2");
        assertThat(ETags.requireIfMatch("\"3-2\"")).isEqualTo(3L);
        assertThat(ETags.requireIfMatch("\"0-1\"")).isZero();
        for (String foreign : new String[] {
            "\"3-x\"", "\"03-1\"", "\"3-01\"", "\"3-0\"", "\"3-\"", "\"3-1-1\"", "\"3--1\"", "\"-3-1\""
        }) {
            assertThat(ETags.requireIfMatch(foreign)).as(foreign).isEqualTo(ETags.NO_VERSION);
        }
    }

    /** A record that takes attachments, as the API answers it. */
    private record Counted(long version, Integer attachments) implements Attachable<Counted> {
        @Override
        public java.util.UUID id() {
            return new java.util.UUID(0, 1);
        }

        @Override
        public Counted withAttachments(int count) {
            return new Counted(version, count);
        }
    }

    @Test
    void aTagThisServiceNeverGaveOutNamesNoVersion() {
        // weak (If-Match compares strongly), empty, not a number, too large for a version, half-quoted, an unquoted
        // tag we never gave out, nor another spelling of a version: a sign, leading zeros, a negative number (strong
        // comparison is exact)
        for (String foreign : new String[] {
            "W/\"3\"",
            "abc",
            "03",
            "3-0",
            "\"\"",
            "\"abc\"",
            "\"3.0\"",
            "\"99999999999999999999\"",
            "\"3",
            "3\"",
            "\"",
            "'3'",
            "\"+5\"",
            "\"007\"",
            "\"-1\"",
            "\"-0\""
        }) {
            assertThat(ETags.requireIfMatch(foreign)).as(foreign).isEqualTo(ETags.NO_VERSION);
        }
    }

    @Test
    void aForeignTagFailsAgainstEveryVersionOnceTheRecordIsFound() {
        for (long actual : new long[] {0, 1, 42}) {
            ProblemException e = catchThrowableOfType(
                    ProblemException.class, () -> ETags.check(ETags.requireIfMatch("\"abc\""), actual));
            assertThat(e).isNotNull();
            assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
            // the 412 never repeats what the client sent when it was not a version of ours
            assertThat(e.detail().key()).isEqualTo("if-match.stale");
            assertThat(e.detail().params()).isEmpty();
        }
    }

    @Test
    void oneOfOurVersionsWithoutItsQuotesNamesNoVersionAndItsAnswerSaysHowATagIsWritten() {
        for (String unquoted : new String[] {"3", " 3 ", "3-2", "0"}) {
            assertThat(ETags.requireIfMatch(unquoted)).as(unquoted).isEqualTo(ETags.UNQUOTED);
            // it fails even against the version it spells: If-Match compares entity tags, and 3 is not one
            for (long actual : new long[] {0, 3}) {
                ProblemException e = catchThrowableOfType(
                        ProblemException.class, () -> ETags.check(ETags.requireIfMatch(unquoted), actual));
                assertThat(e).as("%s against %d", unquoted, actual).isNotNull();
                assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
                assertThat(e.detail().key()).isEqualTo("if-match.unquoted");
                assertThat(e.detail().params()).isEmpty();
            }
        }
    }

    @Test
    void aStaleVersionIsA412NamingIt() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ETags.check(3L, 4));
        assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThat(e.type().status()).isEqualTo(412);
        assertThat(e.detail().key()).isEqualTo("if-match.stale.version");
        assertThat(e.detail().params()).containsEntry("version", 3L);
        // a newer version than the record has is just as stale
        assertThat(catchThrowableOfType(ProblemException.class, () -> ETags.check(5L, 4)))
                .isNotNull();
    }

    @Test
    void theCurrentVersionOrAStarPasses() {
        assertThatCode(() -> ETags.check(4L, 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check(null, 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check(ETags.requireIfMatch("\"4\""), 4)).doesNotThrowAnyException();
    }
}

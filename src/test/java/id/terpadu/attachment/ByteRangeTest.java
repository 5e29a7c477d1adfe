package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRange.parse("bytes=2-101", 1000)).hasValue(new ByteRange(2, 101));
        assertThat(ByteRange.parse("bytes=990-", 1000)).hasValue(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=-10", 1000)).hasValue(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000))
                .as("a suffix longer than the file: all of it")
                .hasValue(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=900-5000", 1000))
                .as("an end past the file: to its end")
                .hasValue(new ByteRange(900, 999));
        assertThat(new ByteRange(2, 101).contentRange(1000)).isEqualTo("bytes 2-101/1000");
        assertThat(new ByteRange(2, 101).length()).isEqualTo(100);
    }

    @Test
    void servesTheWholeFileForWhatItDoesNotTake() {
        for (String ignored : new String[] {
            null,
            "",
            "bytes=",
            "bytes=-",
            "bytes=5-2",
            "bytes=0-1,5-6",
            "items=0-5",
            "bytes=a-b",
            "bytes=1-2-3",
            "bytes=99999999999999999999-"
        }) {
            assertThat(ByteRange.parse(ignored, 1000))
                    .as(String.valueOf(ignored))
                    .isEmpty();
        }
    }

    @Test
    void aRangeStartingPastTheEndIs416() {
        for (String past : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=-0"}) {
            assertThatThrownBy(() -> ByteRange.parse(past, 1000))
                    .as(past)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.RANGE_NOT_SATISFIABLE));
        }
        assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(ProblemException.class);
    }
}

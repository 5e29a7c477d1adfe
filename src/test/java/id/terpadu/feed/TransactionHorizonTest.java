package id.terpadu.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** The start's check of a database restored onto a server whose transaction ids lie behind its change log. */
class TransactionHorizonTest {

    @Test
    void aLogBehindTheServerStarts() {
        assertThat(TransactionHorizon.check(BigInteger.valueOf(1186), BigInteger.valueOf(1187)))
                .isNull();
    }

    @Test
    void aLogAheadOfTheServerRefusesAndNamesTheEpochThatMovesThePast() {
        assertThat(TransactionHorizon.check(BigInteger.valueOf(1187), BigInteger.valueOf(741)))
                .startsWith("Refusing to start")
                .contains("1187", "741", "pg_resetwal -e 1 ");
        // a log already in epoch 1 (ids past 2^32): the server moves to epoch 2
        BigInteger epochOne = BigInteger.ONE.shiftLeft(32).add(BigInteger.valueOf(1048577));
        assertThat(TransactionHorizon.check(epochOne, BigInteger.valueOf(900))).contains("pg_resetwal -e 2 ");
        // the server's next id equal to the log's newest cannot be: that id was used
        assertThat(TransactionHorizon.check(BigInteger.valueOf(900), BigInteger.valueOf(900)))
                .isNotNull();
    }
}

package id.terpadu.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/**
 * How failures of the database reach the client: a database that stalls or goes away is a 503 (with Retry-After),
 * never a 500, also when it fails the commit; other failures stay 500.
 */
class DatabaseFailureClassificationTest {

    static final String TIMED_OUT = "The database did not answer in time; retry shortly";
    static final String UNREACHABLE = "The database is not reachable at the moment; retry shortly";

    @Test
    void aLockNotGrantedOrAStatementCancelledOrAFullPoolDidNotAnswerInTime() {
        assertThat(ProblemMapper.classify(
                        wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))))
                .satisfies(p -> assertUnavailable(p, TIMED_OUT));
        assertThat(ProblemMapper.classify(
                        wrapped(new SQLException("canceling statement due to statement timeout", "57014"))))
                .satisfies(p -> assertUnavailable(p, TIMED_OUT));
        assertThat(ProblemMapper.classify(wrapped(new SQLException("Sorry, acquisition timeout!"))))
                .satisfies(p -> assertUnavailable(p, TIMED_OUT));
    }

    @Test
    void aServerThatIsDownOrShuttingDownIsNotReachable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03"}) {
            assertThat(ProblemMapper.classify(wrapped(new SQLException("connection failed", state))))
                    .satisfies(p -> assertUnavailable(p, UNREACHABLE));
        }
    }

    @Test
    void aCommitThatFailedBecauseTheServerWentAwayIs503() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertThat(ProblemMapper.classify(new RuntimeException("Error invoking subclass method", commit)))
                .satisfies(p -> assertUnavailable(p, UNREACHABLE));
    }

    @Test
    void otherFailuresOfACommitOrOfTheDatabaseStay500() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("a bug in a synchronization"));
        assertThat(ProblemMapper.classify(commit).type()).isEqualTo(ProblemType.INTERNAL);
        assertThat(ProblemMapper.classify(wrapped(new SQLException("syntax error", "42601")))
                        .type())
                .isEqualTo(ProblemType.INTERNAL);
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("could not execute statement", e);
    }

    private static void assertUnavailable(ProblemException p, String detail) {
        assertThat(p.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(p.type().status()).isEqualTo(503);
        assertThat(p.getMessage()).isEqualTo(detail);
    }
}

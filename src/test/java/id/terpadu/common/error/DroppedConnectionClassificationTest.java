package id.terpadu.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

import id.terpadu.common.http.StreamedInput;

/**
 * A client that goes away while it sends its body (a phone losing its network in the middle of a piece) is not a
 * failure of the service: a 400 that nobody will read, not a 500 with its stack trace in the log.
 */
class DroppedConnectionClassificationTest {

    @Test
    void aBodyCutByTheClientIsNotAFailureOfTheService() {
        IOException dropped =
                new IOException("input ended after 15000 bytes", new HttpClosedException("Connection was closed"));
        ProblemException p = ProblemMapper.classify(new UncheckedIOException(dropped));
        assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_BODY);
        assertThat(p.getMessage()).isEqualTo("The connection closed before the request body arrived whole");
    }

    @Test
    void aBodyThatStoppedArrivingIsNotAFailureOfTheServiceEither() {
        IOException silent = new IOException(
                "input ended after 2554881 bytes", new StreamedInput.Silent(java.time.Duration.ofMinutes(1)));
        ProblemException p = ProblemMapper.classify(new UncheckedIOException(silent));
        assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_BODY);
        assertThat(p.getMessage()).isEqualTo("The connection closed before the request body arrived whole");
    }

    @Test
    void aFormThatStoppedArrivingIsNotAFailureOfTheServiceEither() {
        // the framework's own stream of a form's body, giving up after quarkus.http.read-timeout
        IOException timedOut = new IOException("Read timed out");
        timedOut.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "org.jboss.resteasy.reactive.server.vertx.VertxInputStream$VertxBlockingInput",
                    "readBlocking",
                    "VertxInputStream.java",
                    238)
        });
        ProblemException p = ProblemMapper.classify(timedOut);
        assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_BODY);
        assertThat(p.getMessage()).isEqualTo("The connection closed before the request body arrived whole");
        // the same words from anywhere else are not the client's
        assertThat(ProblemMapper.classify(new IOException("Read timed out")).type())
                .isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void otherFailuresToReadOrWriteStay500() {
        assertThat(ProblemMapper.classify(new IOException("No space left on device"))
                        .type())
                .isEqualTo(ProblemType.INTERNAL);
    }
}

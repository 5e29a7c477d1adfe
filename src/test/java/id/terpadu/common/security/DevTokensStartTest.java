package id.terpadu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * With development tokens on, a key that cannot be read stops the start with the reason (it used to surface as a 500
 * on the first token request). The packaged service started outside the repository's top folder is checked in
 * .ci/run.
 */
class DevTokensStartTest {

    @Test
    void anUnreadableKeyRefusesTheStartWhenDevelopmentTokensAreOn() {
        DevTokens tokens = new DevTokens(
                true, "no/such/folder/DEVELOPMENT-ONLY-private.pem", "https://terpadu.local/dev", "terpadu-api");
        assertThatThrownBy(() -> tokens.onStart(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start: development tokens are on")
                .hasMessageContaining("no/such/folder/DEVELOPMENT-ONLY-private.pem")
                .hasMessageContaining("TERPADU_DEV_TOKENS_PRIVATE_KEY_LOCATION");
    }

    @Test
    void theKeyIsReadAtStartWhenOnAndNeverWhenOff() {
        DevTokens on = new DevTokens(
                true, "src/dev-keys/DEVELOPMENT-ONLY-private.pem", "https://terpadu.local/dev", "terpadu-api");
        on.onStart(null);
        assertThat(on.keyLoaded()).isTrue();
        DevTokens off = new DevTokens(
                false, "no/such/folder/DEVELOPMENT-ONLY-private.pem", "https://terpadu.local/dev", "terpadu-api");
        off.onStart(null);
        assertThat(off.keyLoaded()).isFalse();
    }
}

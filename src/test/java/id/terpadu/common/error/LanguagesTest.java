package id.terpadu.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The language of an answer from {@code Accept-Language} (RFC 9110 §12.5.4): Indonesian unless English is preferred.
 * No Quarkus boot; what the answers then say is {@code LanguageTest}'s.
 */
class LanguagesTest {

    @Test
    void indonesianUnlessAsked() {
        assertThat(Languages.pick(null)).isEqualTo("id");
        assertThat(Languages.pick("")).isEqualTo("id");
        assertThat(Languages.pick("   ")).isEqualTo("id");
        assertThat(Languages.pick("*")).isEqualTo("id");
        assertThat(Languages.pick("fr, de;q=0.8")).isEqualTo("id");
    }

    @Test
    void englishAndIndonesianInAnyRegionalFormOrCase() {
        assertThat(Languages.pick("en")).isEqualTo("en");
        assertThat(Languages.pick("en-GB")).isEqualTo("en");
        assertThat(Languages.pick("EN-us")).isEqualTo("en");
        assertThat(Languages.pick("id-ID")).isEqualTo("id");
        // "in" is the withdrawn ISO 639 code of Indonesian that older systems still send
        assertThat(Languages.pick("in-ID, en;q=0.5")).isEqualTo("id");
    }

    @Test
    void theHighestWeightWinsAndTheFirstOfEqualOnes() {
        assertThat(Languages.pick("fr, en;q=0.5")).isEqualTo("en");
        assertThat(Languages.pick("en;q=0.5, id;q=0.8")).isEqualTo("id");
        assertThat(Languages.pick("id;q=0.1, en;q=0.2")).isEqualTo("en");
        assertThat(Languages.pick("en, id")).isEqualTo("en");
        assertThat(Languages.pick("id, en")).isEqualTo("id");
        assertThat(Languages.pick(" en-US ; q=0.9 , id ; q=0.3 ")).isEqualTo("en");
    }

    @Test
    void aWeightOfZeroOrOneThatCannotBeReadRulesTheLanguageOut() {
        assertThat(Languages.pick("en;q=0")).isEqualTo("id");
        assertThat(Languages.pick("en;q=zero")).isEqualTo("id");
        assertThat(Languages.pick("en;q=0, id;q=0")).isEqualTo("id");
        assertThat(Languages.pick("id;q=0, en;q=0.1")).isEqualTo("en");
    }

    @Test
    void theLocaleOfEachLanguage() {
        assertThat(Languages.locale("en")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.locale("id")).isEqualTo(Locale.forLanguageTag("id"));
        assertThat(Languages.locale("fr")).isEqualTo(Locale.forLanguageTag("id"));
        assertThat(Languages.locale(null)).isEqualTo(Locale.forLanguageTag("id"));
    }
}

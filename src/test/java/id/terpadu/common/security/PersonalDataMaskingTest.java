package id.terpadu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.terpadu.common.security.PersonalData.Read;

/**
 * Personal data under UU 27/2022 (Pelindungan Data Pribadi): how names and numbers are masked, and who may read them
 * unmasked, decided on a stand-in caller (no Quarkus boot). The end-to-end view over HTTP and the logs is
 * {@code privacy.PersonalDataTest} and {@code DisclosureTest}.
 */
class PersonalDataMaskingTest {

    private static final UUID AGENCY = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID OTHER_AGENCY = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @Test
    void aNameKeepsTheFirstLetterOfEachWord() {
        assertThat(PersonalData.maskName("Budi Santoso")).isEqualTo("B*** S***");
        assertThat(PersonalData.maskName("Ni Luh Putu Ayu")).isEqualTo("N*** L*** P*** A***");
        assertThat(PersonalData.maskName("Soekarno")).isEqualTo("S***");
        assertThat(PersonalData.maskName("A")).isEqualTo("A***");
    }

    @Test
    void theMaskHidesTheLengthOfEachWord() {
        assertThat(PersonalData.maskName("Al Muhammadiyah")).isEqualTo(PersonalData.maskName("Ab Mu"));
        assertThat(PersonalData.maskName("Budi Santoso")).doesNotContain("udi", "antoso");
    }

    @Test
    void surroundingAndRepeatedWhiteSpaceLeavesNoEmptyWord() {
        assertThat(PersonalData.maskName("  Budi   Santoso  ")).isEqualTo("B*** S***");
        assertThat(PersonalData.maskName("Budi\tSantoso\nPutra")).isEqualTo("B*** S*** P***");
        assertThat(PersonalData.maskName("")).isEmpty();
        assertThat(PersonalData.maskName("   ")).isEmpty();
        assertThat(PersonalData.maskName(null)).isNull();
    }

    @Test
    void punctuationInsideAWordIsHiddenWithTheRestOfIt() {
        assertThat(PersonalData.maskName("Al-Fatih O'Neil")).isEqualTo("A*** O***");
        assertThat(PersonalData.maskName("H. Abdul Somad, Lc.")).isEqualTo("H*** A*** S*** L***");
    }

    @Test
    void aLetterOutsideTheBasicPlaneIsKeptWhole() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is two UTF-16 units; half of it would be a broken string
        String bold = new String(Character.toChars(0x1D400));
        String masked = PersonalData.maskName(bold + "ndi");
        assertThat(masked).isEqualTo(bold + "***");
        assertThat(masked.codePointAt(0)).isEqualTo(0x1D400);
        assertThat(masked).hasSize(5);
    }

    @Test
    void aNumberKeepsNothingButItsLength() {
        assertThat(PersonalData.maskNumber("3201234567890001")).isEqualTo("****************");
        assertThat(PersonalData.maskNumber("19800101 200501 1 001")).isEqualTo("*".repeat(21));
        assertThat(PersonalData.maskNumber("")).isEmpty();
        assertThat(PersonalData.maskNumber(null)).isNull();
    }

    @Test
    void adminAndCoordinatorReadEveryRecord() {
        for (String role : new String[] {Role.ADMIN_, Role.COORDINATOR_}) {
            PersonalData data = new PersonalData(caller(null, role));
            assertThat(data.mayRead(AGENCY)).as(role).isTrue();
            assertThat(data.mayRead(null)).as(role).isTrue();
        }
    }

    @Test
    void anOfficerReadsOnlyTheRecordsItsOwnAgencyHandles() {
        PersonalData officer = new PersonalData(caller(AGENCY, Role.OFFICER_));
        assertThat(officer.mayRead(AGENCY)).isTrue();
        assertThat(officer.mayRead(OTHER_AGENCY)).isFalse();
        assertThat(officer.mayRead(null)).isFalse();
        // an officer without an agency claim reads nothing, not even records without a handling agency
        PersonalData withoutAgency = new PersonalData(caller(null, Role.OFFICER_));
        assertThat(withoutAgency.mayRead(null)).isFalse();
        assertThat(withoutAgency.mayRead(AGENCY)).isFalse();
    }

    @Test
    void analystsIntegrationsAndAnonymousCallersNeverRead() {
        for (String role : new String[] {Role.ANALYST_, Role.INTEGRATION_, "UNKNOWN"}) {
            PersonalData data = new PersonalData(caller(AGENCY, role));
            assertThat(data.mayRead(AGENCY)).as(role).isFalse();
        }
        assertThat(new PersonalData(caller(AGENCY)).mayRead(AGENCY)).isFalse();
    }

    @Test
    void everyUnmaskedAnswerIsRecordedOnceAndDrainedOnce() {
        PersonalData officer = new PersonalData(caller(AGENCY, Role.OFFICER_));
        UUID own = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        assertThat(officer.reveal("incident", own, "13.71", AGENCY)).isTrue();
        assertThat(officer.reveal("incident", foreign, "13.72", OTHER_AGENCY)).isFalse();
        assertThat(officer.reveal("early-warning", own, null, AGENCY)).isTrue();

        assertThat(officer.drain())
                .containsExactly(new Read("incident", own, "13.71"), new Read("early-warning", own, null));
        assertThat(officer.drain()).isEmpty();
    }

    @Test
    void aMaskedAnswerLeavesNoTrace() {
        PersonalData analyst = new PersonalData(caller(AGENCY, Role.ANALYST_));
        assertThat(analyst.reveal("incident", UUID.randomUUID(), "13", AGENCY)).isFalse();
        assertThat(analyst.drain()).isEmpty();
    }

    /** A caller with these roles and agency; nothing else of it is read by {@link PersonalData}. */
    private static Caller caller(UUID agency, String... roles) {
        Set<String> held = Set.of(roles);
        return new Caller(null, null) {
            @Override
            public boolean hasRole(String role) {
                return held.contains(role);
            }

            @Override
            public UUID agencyId() {
                return agency;
            }
        };
    }
}

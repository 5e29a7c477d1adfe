package id.terpadu.common.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * Kemendagri region codes (the code list of Permendagri 72/2019 and its successors, most recently Kepmendagri
 * 300.2.2-2430/2025): {@code NN} province, {@code NN.NN} kabupaten 01–69 or kota 71–99, {@code NN.NN.NN} kecamatan,
 * {@code NN.NN.NN.NNNN} kelurahan (1…), desa (2…) or desa adat (3…). No Quarkus boot.
 */
class RegionCodeTest {

    @Test
    void eachLevelByShapeAndDigits() {
        assertThat(RegionCode.level("13")).isEqualTo(RegionLevel.PROVINSI);
        assertThat(RegionCode.level("96")).isEqualTo(RegionLevel.PROVINSI);
        assertThat(RegionCode.level("13.01")).isEqualTo(RegionLevel.KABUPATEN);
        assertThat(RegionCode.level("13.69")).isEqualTo(RegionLevel.KABUPATEN);
        assertThat(RegionCode.level("13.71")).isEqualTo(RegionLevel.KOTA);
        assertThat(RegionCode.level("13.99")).isEqualTo(RegionLevel.KOTA);
        assertThat(RegionCode.level("13.71.01")).isEqualTo(RegionLevel.KECAMATAN);
        assertThat(RegionCode.level("13.71.01.1001")).isEqualTo(RegionLevel.KELURAHAN);
        assertThat(RegionCode.level("11.01.01.2001")).isEqualTo(RegionLevel.DESA);
        assertThat(RegionCode.level("11.01.01.3001")).isEqualTo(RegionLevel.DESA_ADAT);
    }

    @Test
    void digitsNoLevelHasAreNoCode() {
        for (String code : List.of(
                "00", "00.01", "13.00", "13.70", "13.71.00", "13.71.01.0001", "13.71.01.4001", "13.71.01.9999")) {
            assertThat(RegionCode.level(code)).as(code).isNull();
            assertThat(RegionCode.isValid(code)).as(code).isFalse();
        }
    }

    @Test
    void aCodeBelowAParentThatCannotExistIsNoCode() {
        // a kecamatan of kabupaten 00 or of the unused number 70, a desa of kecamatan 00, ...
        for (String code : List.of(
                "13.00.01",
                "13.70.01",
                "00.71.01",
                "13.71.00.2001",
                "13.00.01.2001",
                "13.70.01.1001",
                "00.01.01.1001")) {
            assertThat(RegionCode.isValid(code)).as(code).isFalse();
        }
    }

    @Test
    void everyValidCodesParentIsValid() {
        List<String> codes = new ArrayList<>();
        for (String province : List.of("00", "11", "13", "96")) {
            for (String kabkota : List.of("00", "01", "69", "70", "71", "99")) {
                for (String kecamatan : List.of("00", "01", "99")) {
                    for (String desa : List.of("0001", "1001", "2001", "3001", "4001")) {
                        codes.add(province + "." + kabkota + "." + kecamatan + "." + desa);
                    }
                    codes.add(province + "." + kabkota + "." + kecamatan);
                }
                codes.add(province + "." + kabkota);
            }
            codes.add(province);
        }
        for (String code : codes) {
            if (RegionCode.isValid(code)) {
                String parent = RegionCode.parent(code);
                if (parent != null) {
                    assertThat(RegionCode.isValid(parent))
                            .as("parent of %s", code)
                            .isTrue();
                }
            }
        }
        assertThat(codes.stream().filter(RegionCode::isValid).count())
                .as("valid codes of the grid")
                // 3 provinces × (1 + 4 kab/kota × (1 + 2 kecamatan × (1 + 3 desa kinds)))
                .isEqualTo(3 * (1 + 4 * (1 + 2 * (1 + 3))));
    }

    @Test
    void malformedTextIsNoCode() {
        for (String code : List.of(
                "",
                "1",
                "123",
                "13.",
                ".13",
                "13.7",
                "13.710",
                "13.71.1",
                "13.71.01.101",
                "13.71.01.10011",
                "13.71.01.1001.01",
                "13-71",
                "13 71",
                " 13",
                "13 ",
                "13\n",
                "1a",
                "١٣",
                "13..71",
                "13.71.01.1001.")) {
            assertThat(RegionCode.isValid(code)).as("'%s'", code).isFalse();
        }
        assertThat(RegionCode.isValid(null)).isFalse();
    }

    @Test
    void requireIsA400NamingTheField() {
        assertThatCode(() -> RegionCode.require("13.71.01.1001", "regionCode")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RegionCode.require("13.70", "region"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("region");
                        assertThat(f.code()).isEqualTo("format.region-code");
                    });
                });
        assertThatThrownBy(() -> RegionCode.require(null, "region")).isInstanceOf(ProblemException.class);
    }

    @Test
    void theParentIsTheCodeOneLevelUp() {
        assertThat(RegionCode.parent("13.71.01.1001")).isEqualTo("13.71.01");
        assertThat(RegionCode.parent("13.71.01")).isEqualTo("13.71");
        assertThat(RegionCode.parent("13.71")).isEqualTo("13");
        assertThat(RegionCode.parent("13")).isNull();
    }

    @Test
    void withinFollowsTheTreeNotTheText() {
        assertThat(RegionCode.within("13.71.01.1001", "13")).isTrue();
        assertThat(RegionCode.within("13.71.01.1001", "13.71.01")).isTrue();
        assertThat(RegionCode.within("13.71", "13.71")).isTrue();
        assertThat(RegionCode.within("13", "13.71")).isFalse();
        assertThat(RegionCode.within("13.72", "13.71")).isFalse();
        // the text "13.71.01" starts with "13.7" and "13.71.0", yet neither is its ancestor
        assertThat(RegionCode.within("13.71.01", "13.7")).isFalse();
        assertThat(RegionCode.within("13.71.01", "13.71.0")).isFalse();
        assertThat(RegionCode.within("14", "1")).isFalse();
    }
}

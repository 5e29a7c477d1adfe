package id.terpadu.common.region;

import java.util.regex.Pattern;

/**
 * Kemendagri region codes: {@code NN} province, {@code NN.NN} kabupaten (01–69) or kota (71–99),
 * {@code NN.NN.NN} kecamatan, {@code NN.NN.NN.NNNN} desa/kelurahan (first digit 1 kelurahan, 2 desa, 3 desa adat).
 */
public final class RegionCode {

    private static final Pattern FORMAT = Pattern.compile(id.terpadu.common.validation.Constraints.REGION_CODE);

    private RegionCode() {}

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches() && level(code) != null;
    }

    /** 400 unless {@code code} is a well-formed region code. */
    public static void require(String code, String field) {
        if (!isValid(code)) {
            throw id.terpadu.common.error.ProblemException.invalid(
                    field, id.terpadu.common.error.Message.of("format.region-code"));
        }
    }

    /** The level the code's shape and digits say, or {@code null} when no level has such codes. */
    public static RegionLevel level(String code) {
        String[] parts = code.split("\\.");
        if ("00".equals(parts[0])) {
            return null;
        }
        return switch (parts.length) {
            case 1 -> RegionLevel.PROVINSI;
            case 2 -> {
                int n = Integer.parseInt(parts[1]);
                yield n >= 1 && n <= 69 ? RegionLevel.KABUPATEN : n >= 71 ? RegionLevel.KOTA : null;
            }
            // a kecamatan or desa exists only below a parent that can exist (not 13.00.01, 13.70.01 or 13.71.00.2001)
            case 3 -> "00".equals(parts[2]) || level(parent(code)) == null ? null : RegionLevel.KECAMATAN;
            case 4 ->
                level(parent(code)) == null
                        ? null
                        : switch (parts[3].charAt(0)) {
                            case '1' -> RegionLevel.KELURAHAN;
                            case '2' -> RegionLevel.DESA;
                            case '3' -> RegionLevel.DESA_ADAT;
                            default -> null;
                        };
            default -> null;
        };
    }

    /** The code of the region one level up, or {@code null} for a province. */
    public static String parent(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public static boolean within(String code, String ancestor) {
        return code.equals(ancestor) || code.startsWith(ancestor + ".");
    }
}

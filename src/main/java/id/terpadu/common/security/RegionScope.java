package id.terpadu.common.security;

import java.util.List;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.region.RegionCode;

/**
 * The regions a caller may see and change. Empty means national. A code covers itself and everything below it
 * ({@code 19} covers {@code 19.71} and {@code 19.71.01.1001}). Records without a region are national records:
 * everyone may read them, only a national scope may change them.
 */
public record RegionScope(List<String> codes) {

    public static final RegionScope NATIONAL = new RegionScope(List.of());
    /** A caller without a token: sees national records only, writes nothing. */
    public static final RegionScope NONE = new RegionScope(List.of("00"));

    public boolean isNational() {
        return codes.isEmpty();
    }

    /** Whether a record of this region may be written. */
    public boolean covers(String region) {
        if (isNational()) {
            return true;
        }
        return region != null && codes.stream().anyMatch(code -> RegionCode.within(region, code));
    }

    /** Whether a record of this region may be read. */
    public boolean canRead(String region) {
        return region == null || covers(region);
    }

    /** Restricts a list query to readable records; {@code path} is the record's region column. */
    public Filter restrict(Filter filter, String path) {
        if (isNational()) {
            return filter;
        }
        StringBuilder clause = new StringBuilder(path).append(" is null");
        Object[] values = new Object[codes.size() * 2];
        for (int i = 0; i < codes.size(); i++) {
            clause.append(" or ").append(path).append(" = :? or ").append(path).append(" like :?");
            values[2 * i] = codes.get(i);
            values[2 * i + 1] = codes.get(i) + ".%";
        }
        return filter.and(clause.toString(), values);
    }

    /** 403 unless the caller has national scope (for national data such as the region list). */
    public void requireNational(String what) {
        if (!isNational()) {
            throw ProblemException.forbidden("Only a caller with national scope may change " + what);
        }
    }

    /** 403 unless a record of this region may be written (for creates and moves). */
    public void requireWritable(String region, String field) {
        if (!covers(region)) {
            throw ProblemException.forbidden(region == null
                    ? "Only a caller with national scope may write a national record (" + field + " is empty)"
                    : field + " " + region + " is outside your region scope " + codes);
        }
    }
}

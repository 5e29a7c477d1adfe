package id.terpadu.common.security;

import java.util.List;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.region.RegionCode;

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
        return restrict(filter, Columns.of(path));
    }

    /** As {@link #restrict(Filter, String)} for a record that also stores its province and kabupaten/kota. */
    public Filter restrict(Filter filter, Columns columns) {
        if (isNational()) {
            return filter;
        }
        java.util.List<String> clauses = new java.util.ArrayList<>();
        java.util.List<Object> values = new java.util.ArrayList<>();
        if (columns.nullable()) {
            clauses.add(columns.region() + " is null");
        }
        for (String code : codes) {
            columns.subtree(code, clauses, values);
        }
        return filter.and(String.join(" or ", clauses), values.toArray());
    }

    /**
     * The region columns of a record. Where the record stores its province and kabupaten/kota ({@code province}
     * and {@code kabkota} paths, not null), a subtree at those levels is an equality on an indexed column; below them
     * (and for records without them) it is {@code region = code or region like 'code.%'}.
     */
    public record Columns(String region, String province, String kabkota, boolean nullable) {

        public static Columns of(String region) {
            return new Columns(region, null, null, true);
        }

        /** Adds the clause (one {@code :?} per value) that selects {@code code} and everything below it. */
        public void subtree(String code, java.util.List<String> clauses, java.util.List<Object> values) {
            if (province != null && code.length() == 2) {
                clauses.add(province + " = :?");
                values.add(code);
            } else if (kabkota != null && code.length() == 5) {
                clauses.add(kabkota + " = :?");
                values.add(code);
            } else {
                clauses.add(region + " = :? or " + region + " like :?");
                values.add(code);
                values.add(code + ".%");
            }
        }

        /** Restricts to {@code code} and everything below it. */
        public Filter within(Filter filter, String code) {
            java.util.List<String> clauses = new java.util.ArrayList<>();
            java.util.List<Object> values = new java.util.ArrayList<>();
            subtree(code, clauses, values);
            return filter.and(String.join(" or ", clauses), values.toArray());
        }
    }

    /** 403 with {@code refusal} unless the caller has national scope (for national data such as the region list). */
    public void requireNational(Message refusal) {
        if (!isNational()) {
            throw ProblemException.forbidden(refusal);
        }
    }

    /** 403 unless a record of this region may be written (for creates and moves). */
    public void requireWritable(String region, String field) {
        if (!covers(region)) {
            throw ProblemException.forbidden(
                    region == null
                            ? Message.of("scope.national-record", "field", field)
                            : Message.of("scope.region-outside", "field", field, "region", region, "scope", codes));
        }
    }
}

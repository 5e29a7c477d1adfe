package id.terpadu.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/** Builds the data the tests stand on, through the API. */
public final class TestData {

    /** Real Kemendagri codes of the seed situations (Babel, Sumatera Barat, Jawa Tengah). */
    public static final String REGIONS_CSV = """
            kode,nama
            19.01,Kabupaten Bangka
            19.04,Kabupaten Belitung
            19.71,Kota Pangkal Pinang
            19.71.01,Bukit Intan
            19.71.01.1001,Sinar Bulan
            13.71,Kota Padang
            13.77,Kota Pariaman
            33.07,Kabupaten Wonosobo
            33.07.01,Wadaslintang
            """;

    private static volatile boolean regionsLoaded;

    private TestData() {}

    public static void ensureRegions() {
        if (regionsLoaded) {
            return;
        }
        Tokens.admin()
                .contentType("text/csv")
                .body(REGIONS_CSV)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200);
        regionsLoaded = true;
    }

    public static Map<String, Object> agency(String name, String type, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        if (region != null) {
            body.put("regionCode", region);
        }
        return body;
    }

    /** Creates an agency and returns its id. */
    public static UUID createAgency(RequestSpecification as, Map<String, Object> body) {
        ensureRegions();
        String id = as.body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static UUID createAgency(String name, String type, String region) {
        return createAgency(Tokens.admin(), agency(name, type, region));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The team of a region and year, formed through the API when it does not exist yet (with the given secretariat),
     * or given that secretariat when it does. {@code region} null means the national team.
     */
    public static UUID team(String level, String region, int year, UUID secretariat) {
        ensureRegions();
        String existing = Db.single(
                "select coalesce(max(id::text), '') from team where coalesce(region_code, '') = ? " + "and year = ?",
                region == null ? "" : region,
                year);
        if (!existing.isEmpty()) {
            if (secretariat != null) {
                Db.execute(
                        "update team set secretariat_agency_id = '" + secretariat + "' where id = '" + existing + "'");
            }
            return UUID.fromString(existing);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        if (region != null) {
            body.put("regionCode", region);
        }
        body.put("year", year);
        if (secretariat != null) {
            body.put("secretariatAgencyId", secretariat.toString());
        }
        String id = Tokens.admin()
                .body(body)
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}

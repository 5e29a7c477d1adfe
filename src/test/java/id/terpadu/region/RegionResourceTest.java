package id.terpadu.region;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.analyst;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
class RegionResourceTest {

    /** The official list, shared beside the repository (never copied into it). */
    static final Path OFFICIAL = Path.of("..", "shared", "data", "wilayah.csv");

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void the38ProvincesAreSeeded() {
        assertThat(Db.count("select count(*) from region where level = 'PROVINSI'"))
                .isEqualTo(38);
        analyst()
                .get("/api/v1/regions?level=PROVINSI&limit=200")
                .then()
                .statusCode(200)
                .body("items", hasSize(38))
                .body("items.code", hasItems("11", "19", "91", "96"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void getChildrenAndSearch() {
        analyst()
                .get("/api/v1/regions/19.71")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("name", equalTo("Kota Pangkal Pinang"))
                .body("level", equalTo("KOTA"))
                .body("parentCode", equalTo("19"));
        String etag = analyst().get("/api/v1/regions/19.71").then().extract().header("ETag");
        analyst()
                .header("If-None-Match", etag)
                .get("/api/v1/regions/19.71")
                .then()
                .statusCode(304);
        analyst()
                .get("/api/v1/regions/19/children")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("19.01", "19.04", "19.71"))
                .body("items.parentCode", everyItem(equalTo("19")));
        analyst()
                .get("/api/v1/regions/19.71.01/children")
                .then()
                .statusCode(200)
                .body("items[0].level", equalTo("KELURAHAN"));
        analyst()
                .get("/api/v1/regions?q=PANGKAL&level=KOTA")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("19.71"));
        analyst()
                .get("/api/v1/regions?parent=33.07&level=KECAMATAN")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("33.07.01"));
        analyst().get("/api/v1/regions/19.99").then().statusCode(404).contentType("application/problem+json");
        analyst().get("/api/v1/regions/abc").then().statusCode(404);
        analyst().get("/api/v1/regions/abc/children").then().statusCode(404);
        analyst().get("/api/v1/regions?level=DUSUN").then().statusCode(400).body("allowed", hasItem("DESA_ADAT"));
    }

    @Test
    void importIsAllOrNothingAndNamesBadLines() {
        var before = Db.snapshot();
        String csv = """
                kode,nama
                13.72,Kota Solok
                13.7x,Broken
                13.72.01,
                13.72.01,Lubuk Sikarah
                13.72.01,Lubuk Sikarah again
                13.88.01,Orphan kecamatan
                13.72.01.5001,Not a desa code
                """;
        admin().contentType("text/csv")
                .body(csv)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:validation"))
                .body("errors.field", contains("line 3", "line 4", "line 6", "line 8"))
                .body("errors[0].code", equalTo("region.csv.code"))
                .body("errors[2].code", equalTo("region.csv.duplicate"))
                .body("errors[2].params.line", equalTo(5))
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("region.import.invalid", "count", 4)
                                .in("id")));
        // the orphan is reported once the other lines are fixed
        admin().contentType("text/csv")
                .body("kode,nama\n13.72,Kota Solok\n13.88.01,Orphan\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("line 3"))
                .body("errors[0].code", equalTo("region.csv.parent"))
                .body("errors[0].params.parent", equalTo("13.88"));
        admin().contentType("text/csv")
                .body("code;name\n13.72;Kota Solok\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("line 1"));
        admin().contentType("text/csv")
                .body("")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400);
        admin().contentType("text/csv")
                .body("kode,nama\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400);
        admin().contentType("text/csv")
                .body("kode,nama\n\"13.72,Kota Solok\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(400);
        Db.assertUnchanged(before);
    }

    @Test
    void importIsForAdminsOnly() {
        var before = Db.snapshot();
        coordinator("13")
                .contentType("text/csv")
                .body("kode,nama\n13.72,Kota Solok\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(403)
                // the refusal names the role the operation takes, so that a person knows which token to get
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        "auth.role-refused.takes", "roles", java.util.List.of("ADMIN"))
                                .in("id")));
        // an administrator of one province may not rewrite the national list
        id.terpadu.support.Tokens.as("admin.13", java.util.List.of("ADMIN"), java.util.List.of("13"))
                .contentType("text/csv")
                .body("kode,nama\n31,Jakarta Raya\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("region.import.national-only")
                                .in("id")));
        admin().contentType("application/json")
                .body("{}")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(415);
        Db.assertUnchanged(before);
    }

    @Test
    void reimportUpdatesNamesAndNeverDuplicates() {
        String csv = "kode,nama\n62.71,Kota Palangka Raya\n62.71.01,Pahandut\n62.71.01.1001,\"Panarung, Baru\"\n";
        admin().contentType("text/csv")
                .body(csv)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200);
        admin().contentType("text/csv")
                .body(csv)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200)
                .body("received", equalTo(3))
                .body("inserted", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
        admin().contentType("text/csv")
                .body(csv.replace("Pahandut", "Pahandut Seberang"))
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(0))
                .body("updated", equalTo(1));
        analyst().get("/api/v1/regions/62.71.01").then().body("name", equalTo("Pahandut Seberang"));
        analyst()
                .get("/api/v1/regions/62.71.01.1001")
                .then()
                .body("name", equalTo("Panarung, Baru"))
                .body("level", equalTo("KELURAHAN"));
        assertThat(Db.count("select count(*) from region where code in ('62.71', '62.71.01', '62.71.01.1001')"))
                .isEqualTo(3);
        assertThat(Db.count("select count(*) from change_log where entity_type = 'region-import'"))
                .isGreaterThanOrEqualTo(3);
    }

    /** A new database knows every official region at its first start, without an import; later starts add nothing. */
    @Test
    void aNewDatabaseKnowsEveryOfficialRegion() {
        assertThat(Db.count("select count(*) from region_list")).isEqualTo(1);
        assertThat(Db.count("select received from region_list")).isEqualTo(91_599);
        assertThat(Db.count("select count(*) from region")).isGreaterThanOrEqualTo(91_599);
        assertThat(Db.count("select count(*) from region where level = 'PROVINSI'"))
                .isEqualTo(38);
        assertThat(Db.count("select count(*) from region where level in ('KABUPATEN', 'KOTA')"))
                .isGreaterThanOrEqualTo(514);
        assertThat(Db.count("select count(*) from region where level = 'KECAMATAN'"))
                .isGreaterThanOrEqualTo(7_285);
        analyst().get("/api/v1/regions/94.01").then().statusCode(200).body("level", equalTo("KABUPATEN"));
        analyst().get("/api/v1/regions/11.01.01.2001").then().statusCode(200).body("name", equalTo("Keude Bakongan"));
        var before = Db.snapshot();
        assertThat(io.quarkus.arc.Arc.container()
                        .instance(ShippedRegionList.class)
                        .get()
                        .apply())
                .as("the list is applied once per database")
                .isFalse();
        Db.assertUnchanged(before);
    }

    /**
     * A newer list renames a region (its former name is kept) and, when it is a province's complete list, retires the
     * codes it lacks without deleting them (records may name them); a later list that has the code again brings it
     * back. Province 96 (Papua Barat Daya) is left as the official list has it.
     */
    @Test
    void aNewerListRenamesAndRetiresButDeletesNothing() {
        List<String> official =
                ShippedRegionList.read().lines().filter(l -> l.startsWith("96")).toList();
        String header = "kode,nama\n";
        String all = header + String.join("\n", official) + "\n";
        String lastVillage = official.get(official.size() - 1);
        String retiredCode = lastVillage.substring(0, lastVillage.indexOf(','));
        String without = header
                + String.join("\n", official.subList(0, official.size() - 1))
                        .replace("96.71,Kota Sorong", "96.71,Kota Sorong Raya")
                + "\n";
        long before = Db.count("select count(*) from region");

        admin().contentType("text/csv")
                .body(without)
                .post("/api/v1/regions/import?complete=true")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("retired", equalTo(1));
        analyst().get("/api/v1/regions/" + retiredCode).then().statusCode(200).body("retiredAt", notNullValue());
        analyst()
                .get("/api/v1/regions/96.71")
                .then()
                .statusCode(200)
                .body("name", equalTo("Kota Sorong Raya"))
                .body("retiredAt", nullValue())
                .body("formerNames.name", contains("Kota Sorong"))
                .body("formerNames[0].until", notNullValue());
        assertThat(Db.count("select count(*) from region"))
                .as("nothing deleted")
                .isEqualTo(before);
        // an incident may still be reported in a retired desa (an offline report made before the new list)
        coordinator("96")
                .body(id.terpadu.incident.IncidentResourceTest.incident("Laporan luring", retiredCode))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        admin().contentType("text/csv")
                .body(all)
                .post("/api/v1/regions/import?complete=true")
                .then()
                .statusCode(200)
                .body("updated", equalTo(2))
                .body("retired", equalTo(0));
        analyst().get("/api/v1/regions/" + retiredCode).then().statusCode(200).body("retiredAt", nullValue());
        analyst()
                .get("/api/v1/regions/96.71")
                .then()
                .body("name", equalTo("Kota Sorong"))
                .body("formerNames.name", contains("Kota Sorong", "Kota Sorong Raya"));
        // a complete list retires only in the provinces whose own line it has: a kabupaten alone retires nothing
        admin().contentType("text/csv")
                .body(header + "96.71,Kota Sorong\n")
                .post("/api/v1/regions/import?complete=true")
                .then()
                .statusCode(200)
                .body("retired", equalTo(0));
        // a list that is not complete retires nothing
        admin().contentType("text/csv")
                .body(header + official.get(0) + "\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200)
                .body("retired", equalTo(0));
        admin().contentType("text/csv")
                .body(header + official.get(0) + "\n")
                .post("/api/v1/regions/import?complete=maybe")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("complete"));
        assertThat(Db.count("select count(*) from region where code like '96%' and retired_at is not null"))
                .isZero();
    }

    @Test
    void importsTheFullOfficialList() throws Exception {
        // the project's own copy; the one beside the repository when there is one (they are the same list)
        String csv = Files.exists(OFFICIAL) ? Files.readString(OFFICIAL) : ShippedRegionList.read();
        long lines = csv.lines().count() - 1;
        admin().contentType("text/csv")
                .body(csv)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200)
                .body("received", equalTo((int) lines));
        assertThat(Db.count("select count(*) from region")).isGreaterThanOrEqualTo(lines);
        assertThat(Db.count("select count(*) from region where level in ('KABUPATEN', 'KOTA')"))
                .isGreaterThanOrEqualTo(514);
        assertThat(Db.count("select count(*) from region where level = 'KECAMATAN'"))
                .isGreaterThanOrEqualTo(7285);
        assertThat(Db.count("select count(*) from region where level = 'DESA_ADAT'"))
                .isGreaterThanOrEqualTo(14);
        // the file's codes are all there, once
        Set<String> codes = new HashSet<>();
        csv.lines().skip(1).forEach(l -> codes.add(l.substring(0, l.indexOf(','))));
        assertThat(codes).hasSize((int) lines);
        admin().contentType("text/csv")
                .body(csv)
                .post("/api/v1/regions/import")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(0));
        analyst().get("/api/v1/regions/11.01.01.2001").then().statusCode(200).body("name", equalTo("Keude Bakongan"));
    }

    @Test
    void levelsFollowTheCodes() {
        assertThat(RegionCode.level("19")).isEqualTo(RegionLevel.PROVINSI);
        assertThat(RegionCode.level("19.01")).isEqualTo(RegionLevel.KABUPATEN);
        assertThat(RegionCode.level("19.71")).isEqualTo(RegionLevel.KOTA);
        assertThat(RegionCode.level("19.71.01")).isEqualTo(RegionLevel.KECAMATAN);
        assertThat(RegionCode.level("11.01.01.2001")).isEqualTo(RegionLevel.DESA);
        assertThat(RegionCode.level("19.71.01.1001")).isEqualTo(RegionLevel.KELURAHAN);
        assertThat(RegionCode.level("92.01.01.3001")).isEqualTo(RegionLevel.DESA_ADAT);
        for (String bad :
                List.of("1", "00", "19.70", "19.00", "19.01.00", "19.01.01.4001", "19.1", "19.01.01.001", "x")) {
            assertThat(RegionCode.isValid(bad)).as(bad).isFalse();
        }
        assertThat(RegionCode.within("19.71.01", "19")).isTrue();
        assertThat(RegionCode.within("19", "19.71")).isFalse();
        assertThat(RegionCode.within("190.1", "19")).isFalse();
    }
}

package id.terpadu.common.http;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.fuzz.OpenApi;

/**
 * A precondition is judged only for a record that exists (RFC 9110 §13.2.1): every operation that takes
 * {@code If-Match} answers 404 for a record that does not exist, whatever the header holds (a malformed one used to
 * be a 412), and 412 for one that exists.
 */
@QuarkusTest
class PreconditionTest {

    static final List<String> MALFORMED = List.of("\"abc\"", "W/\"0\"", "0", "\"99999999999999999999\"");

    @Test
    void aMissingRecordIs404WhateverIfMatchHolds() throws Exception {
        List<OpenApi.Operation> guarded = OpenApi.read(Path.of("openapi.yaml")).operations().stream()
                .filter(op -> op.hasHeader("If-Match"))
                .toList();
        assertThat(guarded).hasSizeGreaterThanOrEqualTo(24);
        Map<String, String> before = Db.snapshot();
        List<String> wrong = new ArrayList<>();
        for (OpenApi.Operation op : guarded) {
            String url = op.path()
                    .replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (String ifMatch : MALFORMED) {
                RequestSpecification request = admin().header("If-Match", ifMatch);
                if (op.bodyType() != null) {
                    request.contentType(op.bodyType())
                            .body(
                                    op.bodyExamples().isEmpty()
                                            ? "{}"
                                            : op.bodyExamples().get(0).toString());
                }
                Response answer = request.request(op.method(), url);
                if (answer.statusCode() != 404) {
                    wrong.add(op.key() + " with If-Match " + ifMatch + " -> " + answer.statusCode() + " "
                            + answer.jsonPath().getString("type"));
                }
            }
        }
        assertThat(wrong)
                .as("operations that judged If-Match before finding the record")
                .isEmpty();
        Db.assertUnchanged(before);
    }

    /**
     * If-None-Match compares weakly (RFC 9110 §13.1.2): the weak form of the current tag, as a compressing proxy
     * passes it on, is a 304 like the tag itself, also among others; a weak form of another version is not.
     */
    @Test
    void aWeakTagInIfNoneMatchNamesTheSameVersion() {
        String id = TestData.createAgency(TestData.unique("Kesbangpol Kota Bukittinggi"), "KESBANGPOL", "13.75")
                .toString();
        String tag = admin().get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(tag).isEqualTo("\"0\"");
        admin().header("If-None-Match", "W/" + tag)
                .get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(304)
                .header("ETag", tag);
        admin().header("If-None-Match", "W/\"7\", W/" + tag)
                .get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(304);
        admin().header("If-None-Match", "W/\"7\"")
                .get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void aMalformedIfMatchOnARecordThatExistsIs412() {
        String agency = TestData.createAgency(TestData.unique("Kesbangpol prasyarat"), "KESBANGPOL", null)
                .toString();
        Map<String, String> before = Db.snapshot();
        for (String ifMatch : MALFORMED) {
            admin().header("If-Match", ifMatch)
                    .delete("/api/v1/agencies/{id}", agency)
                    .then()
                    .statusCode(412)
                    .contentType("application/problem+json");
        }
        Db.assertUnchanged(before);
    }

    @Test
    void theRecordsVersionWithoutQuotesIs412SayingHowATagIsWritten() {
        String agency = TestData.createAgency(TestData.unique("Kesbangpol tanpa petik"), "KESBANGPOL", null)
                .toString();
        Map<String, String> before = Db.snapshot();
        // version 0 is the agency's own: quoted it would delete it; unquoted it names no version
        admin().header("If-Match", "0")
                .header("Accept-Language", "en")
                .delete("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"0\"")
                .body("detail", org.hamcrest.Matchers.containsString("If-Match: \"3\", not If-Match: 3"));
        admin().header("If-Match", "0")
                .header("Accept-Language", "id")
                .delete("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(412)
                .body("detail", org.hamcrest.Matchers.containsString("tanda petik ganda"));
        Db.assertUnchanged(before);
    }
}

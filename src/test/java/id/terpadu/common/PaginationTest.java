package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.TestData;

@QuarkusTest
class PaginationTest {

    @Test
    void walksEveryItemOnceFollowingTheLinkHeader() {
        String tag = "Pagination " + UUID.randomUUID().toString().substring(0, 8);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = tag + " " + (char) ('G' - i);
            names.add(name);
            TestData.createAgency(name, "OPD", "19.71");
        }
        // two agencies with the same name: the id breaks the tie
        TestData.createAgency(tag + " D", "OPD", "19.71");
        names.add(tag + " D");

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/agencies?limit=3&q=" + tag.replace(" ", "%20");
        int pages = 0;
        while (next != null) {
            var response = admin().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(response.jsonPath().getList("items.name"));
            String link = response.header("Link");
            String cursor = response.jsonPath().getString("nextCursor");
            if (cursor == null) {
                assertThat(link).isNull();
                next = null;
            } else {
                assertThat(link)
                        .startsWith("</api/v1/agencies?")
                        .endsWith(">; rel=\"next\"")
                        .contains("cursor=" + cursor);
                next = link.substring(1, link.indexOf('>'));
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(8).containsExactlyInAnyOrderElementsOf(names);
        assertThat(seen).isSorted();
    }

    @Test
    void limitIsBounded() {
        admin().get("/api/v1/agencies?limit=200").then().statusCode(200);
        admin().get("/api/v1/regions?limit=1").then().statusCode(200).body("items", hasSize(1));
        for (String bad : List.of("201", "0", "-1", "abc", "1e3", "99999999999")) {
            admin().get("/api/v1/agencies?limit=" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void foreignCursorsAreRefused() {
        for (String bad : List.of("not-base64!", "QUJD", "x".repeat(3000), "MTkuNzE")) {
            admin().get("/api/v1/agencies?cursor=" + bad)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
        admin().get("/api/v1/teams?cursor=QUJD").then().statusCode(400);
    }

    @Test
    void defaultPageIsFifty() {
        int before = admin().get("/api/v1/regions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
        assertThat(before).isLessThanOrEqualTo(50);
    }
}

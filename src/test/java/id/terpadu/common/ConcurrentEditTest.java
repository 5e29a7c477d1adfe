package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * Two people who send a PUT with the same If-Match at the same moment: one wins, the other gets a 412 that carries
 * the winner's version as its ETag, whether it lost at the If-Match check (the winner had committed) or at the
 * write itself (both had read the same version), so that it re-reads from there; nothing of the winner's is lost.
 */
@QuarkusTest
class ConcurrentEditTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void theLoserOfTwoConcurrentEditsIsToldTheWinnersVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 6; round++) {
                String name = TestData.unique("Kesbangpol Kabupaten Bangka Barat");
                String path = admin().body(TestData.agency(name, "KESBANGPOL", "19.05"))
                        .post("/api/v1/agencies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> edits = new ArrayList<>();
                for (int writer = 0; writer < 3; writer++) {
                    String renamed = name + " (penulis " + writer + ")";
                    edits.add(pool.submit(() -> {
                        start.await();
                        return admin().header("If-Match", "\"0\"")
                                .body(TestData.agency(renamed, "KESBANGPOL", "19.05"))
                                .put(path);
                    }));
                }
                start.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> edit : edits) {
                    answers.add(edit.get());
                }
                List<Response> won =
                        answers.stream().filter(a -> a.statusCode() == 200).toList();
                assertThat(won).as("round %d: one edit wins", round).hasSize(1);
                String winner = won.get(0).jsonPath().getString("name");
                for (Response answer : answers) {
                    if (answer.statusCode() == 200) {
                        continue;
                    }
                    assertThat(answer.statusCode()).as("round %d", round).isEqualTo(412);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.header("ETag"))
                            .as("round %d: the loser is told the winner's version", round)
                            .isEqualTo(won.get(0).header("ETag"));
                }
                assertThat(Db.single(
                                "select name from agency where id = ?::uuid",
                                path.substring(path.lastIndexOf('/') + 1)))
                        .as("round %d: the winner's edit is what is kept", round)
                        .isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Grade requests are worked on a few at a time (issue 18): when every slot is taken, the next is refused at once. */
@QuarkusTest
class GradeSlotsTest {

    @Inject
    GradeSlots slots;

    private static io.restassured.response.ValidatableResponse grade() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("questionId", "overfitting-detection", "answer", "validation loss rises"))
                .when().post("/api/grade").then();
    }

    @Test
    void whenEverySlotIsTakenAGradeRequestIs503WithRetryAfterAndLaterSucceeds() throws Exception {
        // given: the 4 slots taken by work that waits for a latch
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(Thread.ofVirtual().start(() -> slots.run(() -> {
                started.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "held";
            }, String.class)));
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        try {
            // when / then
            grade().statusCode(503).header("Retry-After", "1")
                    .body("message", containsString("grading 4 answers already"));
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join(30_000);
            }
        }
        grade().statusCode(200);
    }
}

package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.WebSocketRoute;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The chat survives a dropped WebSocket: the page reconnects and the transcript is whole, once. */
@QuarkusTest
class ReconnectTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    @SuppressWarnings("unchecked")
    private List<Integer> seqs() {
        return (List<Integer>) page.evaluate("[...document.querySelectorAll('.transcript > [data-seq]')].map((e) => Number(e.dataset.seq))");
    }

    @Test
    void whenTheSocketDropsThePageReconnectsWithTheWholeTranscriptAndTheNextAnswerWorks() {
        // every socket the page opens goes to the real server, through a route the test can cut
        List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        page.routeWebSocket(Pattern.compile(".*/ws/sessions/.*"), ws -> {
            ws.connectToServer();
            sockets.add(ws);
        });
        Loop loop = knowledge.loops().getFirst();
        RoundDriver driver = new RoundDriver(page, knowledge);
        driver.start(url(""), loop.id(), loop.rounds().getFirst().id(), "practice");
        driver.answer(driver.currentQuestion().map(q -> q.keyPoints().getFirst().text()).orElse("validation loss"));
        assertThat(page.locator(".turn[data-move=answer] .feedback").first()).isVisible();
        List<Integer> before = seqs();
        Assertions.assertThat(sockets).hasSize(1);

        // when the connection drops (the server side goes away)
        sockets.getFirst().close(new WebSocketRoute.CloseOptions().setCode(1012).setReason("service restart"));

        // then the page says so, reconnects on its own, and the transcript is the same, without duplicates
        assertThat(page.locator(".connection")).containsText(Pattern.compile("Connection lost|Reconnecting"));
        assertThat(page.locator(".connection")).hasText("Live", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        Assertions.assertThat(sockets).hasSize(2);
        Assertions.assertThat(seqs()).isEqualTo(before);
        assertThat(page.locator(".turn[data-move=answer] .feedback").first()).isVisible();

        // and the next answer goes through the new socket and is graded
        int answers = page.locator(".turn[data-move=answer]").count();
        driver.answer(driver.currentQuestion().map(RoundDriver::strongAnswer).orElse("Early stopping on validation loss."));
        Assertions.assertThat(page.locator(".turn[data-move=answer]").count()).isEqualTo(answers + 1);
        List<Integer> after = seqs();
        Assertions.assertThat(after).doesNotHaveDuplicates().startsWith(before.toArray(Integer[]::new));
        Assertions.assertThat(after.size()).isGreaterThan(before.size());
    }
}

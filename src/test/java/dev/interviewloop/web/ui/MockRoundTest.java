package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Mock mode keeps the feedback back until the round is over, then shows all of it. */
@QuarkusTest
class MockRoundTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    @Test
    void inMockModeFeedbackAppearsOnlyOnceTheRoundIsEnded() {
        Loop loop = knowledge.loops().getFirst();
        RoundDriver driver = new RoundDriver(page, knowledge);
        driver.start(url(""), loop.id(), loop.rounds().getFirst().id(), "mock");
        assertThat(page.locator(".chip--mock")).hasText("Mock");

        driver.answer(driver.currentQuestion().map(RoundDriver::strongAnswer).orElse("validation loss rises"));
        assertThat(page.locator(".turn[data-move=answer] .feedback-pending")).isVisible();
        assertThat(page.locator(".feedback")).hasCount(0);

        // End round asks for a second press before it ends anything
        page.getByText("End round").click();
        assertThat(page.getByText("Confirm: end now")).isVisible();
        page.getByText("Confirm: end now").click();
        driver.waitForTurn();

        assertThat(page.locator(".finished")).isVisible();
        assertThat(page.locator(".turn[data-move=answer] .feedback").first()).isVisible();
        assertThat(page.locator(".feedback-pending")).hasCount(0);
        page.getByText("See the report").click();
        assertThat(page.locator(".verdict__detail")).containsText("You ended the round early");
    }
}

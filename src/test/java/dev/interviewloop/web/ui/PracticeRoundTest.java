package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A whole round in practice mode, played in the browser against the real engine and grader. */
@QuarkusTest
class PracticeRoundTest extends BrowserTest {

    private static final int MAX_TURNS = 40;

    @Inject
    KnowledgeBase knowledge;

    @Test
    void aPracticeRoundPlayedToTheEndShowsFeedbackAfterEveryAnswerAndAReport() throws IOException {
        Loop loop = knowledge.loops().getFirst();
        Round round = loop.rounds().getFirst();
        RoundDriver driver = new RoundDriver(page, knowledge);

        // given a practice round started from the round picker
        driver.start(url(""), loop.id(), round.id(), "practice");
        assertThat(page.locator(".chip--practice")).hasText("Practice");
        assertThat(page.locator(".chip--speaker")).hasText("Interviewer: built-in");
        assertThat(page.locator(".msg--interviewer .badge").first()).hasText("Built-in");
        assertThat(page.locator(".clock__value")).hasText(Pattern.compile("^\\d+:\\d\\d$"));
        assertThat(page.locator(".session__progress")).containsText("Question 1 of");

        // when the first answer covers one rubric point and states a misconception
        Question first = driver.currentQuestion().orElseThrow();
        String answer = first.keyPoints().getFirst().text()
                + (first.misconceptions().isEmpty() ? "" : "\n\nAlso, " + first.misconceptions().getFirst().statement());
        driver.answer(answer);

        // then the answer is graded at once, with the candidate's own words highlighted
        Locator turn = page.locator(".turn[data-move=answer]").first();
        Locator feedback = turn.locator(".feedback");
        assertThat(feedback).isVisible();
        assertThat(feedback.locator(".score")).containsText("out of 5");
        assertThat(feedback.locator(".chip--grader")).hasText("Graded by: rubric grader");
        assertThat(feedback.locator(".point--covered, .point--partly").first()).isVisible();
        assertThat(feedback.locator(".point--missed").first()).isVisible();
        Assertions.assertThat(turn.locator(".msg__body mark.evidence").count()).as("highlighted words in the answer").isPositive();
        if (!first.misconceptions().isEmpty()) {
            assertThat(feedback.locator(".point--wrong .point__correction")).containsText(first.misconceptions().getFirst().correction());
        }
        page.setViewportSize(LAPTOP.width, 1800); // tall enough to show the whole graded turn
        screenshot("chat-with-feedback");
        page.setViewportSize(LAPTOP.width, LAPTOP.height);

        // and a reference opens the note section it cites
        feedback.locator(".ref__link").first().click();
        Locator dialog = page.locator("dialog.note-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.locator(".note__section")).not().hasCount(0);
        assertThat(dialog.locator(".notice")).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();

        // when the rest of the round is answered well, question after question
        for (int turnNo = 0; turnNo < MAX_TURNS && !driver.finished(); turnNo++) {
            driver.answer(driver.currentQuestion().map(RoundDriver::strongAnswer)
                    .orElse("I would compare training and validation metrics and reason about it step by step."));
        }

        // then the round ends, every answer carries feedback, and the report is one click away
        Assertions.assertThat(driver.finished()).as("the round finished within " + MAX_TURNS + " answers").isTrue();
        Locator answers = page.locator(".turn[data-move=answer], .turn[data-move=retry]");
        Assertions.assertThat(page.locator(".turn[data-move=answer] .feedback, .turn[data-move=retry] .feedback").count())
                .isEqualTo(answers.count());
        page.setViewportSize(PHONE.width, PHONE.height);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("chat-phone.png")));
        page.setViewportSize(LAPTOP.width, LAPTOP.height);

        page.getByText("See the report").click();
        assertThat(page.locator(".verdict__value")).hasText(Pattern.compile("^(Strong hire|Hire|Lean no hire|No hire)$"));
        Assertions.assertThat(page.locator(".bar-chart__row").count()).isPositive();
        Assertions.assertThat(page.locator(".bar-chart__row svg rect").count()).isPositive();
        assertThat(page.locator(".report__list h2")).hasText(new String[] {"Strengths", "Gaps"});
        assertThat(page.locator(".report__study h2")).hasText("What to study next");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("report.png")));
        page.locator(".report-answer > summary").first().click();
        screenshot("report-full");

        Download download = page.waitForDownload(() -> page.getByText("Download Markdown").click());
        String markdown = Files.readString(download.path());
        Assertions.assertThat(markdown).startsWith("# Interview report: " + round.title())
                .contains("**Verdict: ").contains("## Scores").contains("## What to study next");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".site-header")).isHidden();
        assertThat(page.locator(".report__actions")).isHidden();
        screenshot("report-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.setViewportSize(PHONE.width, PHONE.height);
        Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot("report-phone");
        page.setViewportSize(LAPTOP.width, LAPTOP.height);

        // and the history lists the round with its score
        page.navigate(url("#/history"));
        Locator row = page.locator(".history-table tbody tr").first();
        assertThat(row).containsText(round.title());
        assertThat(row).containsText(Pattern.compile("\\d(\\.\\d)? / 5"));
        screenshot("history");
    }
}

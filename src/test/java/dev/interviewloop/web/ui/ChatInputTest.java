package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer box and the actions, driven by the keyboard in a real round. */
@QuarkusTest
class ChatInputTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    RoundDriver driver;
    Locator box;

    @BeforeEach
    void startRound() {
        Loop loop = knowledge.loops().getFirst();
        driver = new RoundDriver(page, knowledge);
        driver.start(url(""), loop.id(), loop.rounds().getFirst().id(), "practice");
        box = page.locator("#answer");
    }

    @Test
    void inCodeModeTabIndentsEnterKeepsTheIndentationAndCtrlEnterSendsACodeBlock() {
        box.focus();
        page.keyboard().press("Alt+M");
        assertThat(page.locator(".btn--toggle")).hasAttribute("aria-pressed", "true");
        assertThat(box).hasClass(java.util.regex.Pattern.compile("composer__input--code"));

        page.keyboard().type("def f(x):");
        page.keyboard().press("Enter");
        page.keyboard().type("if x < 0:");
        page.keyboard().press("Enter");
        page.keyboard().type("return -x");
        page.keyboard().press("Enter");
        page.keyboard().press("Shift+Tab");
        page.keyboard().type("return x");
        page.keyboard().press("Enter");
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("# tab");

        Assertions.assertThat(box.inputValue())
                .isEqualTo("def f(x):\n    if x < 0:\n        return -x\n    return x\n    # tab");
        assertThat(box).isFocused();

        // Esc then Tab leaves the box: the keyboard is never trapped in it
        page.keyboard().press("Escape");
        page.keyboard().press("Tab");
        assertThat(box).not().isFocused();
        Assertions.assertThat(box.inputValue()).endsWith("    # tab");

        box.focus();
        page.keyboard().press("Control+Enter");
        driver.waitForTurn();

        Locator code = page.locator(".turn[data-move=answer] .msg__body pre code").first();
        Assertions.assertThat(code.textContent())
                .isEqualTo("def f(x):\n    if x < 0:\n        return -x\n    return x\n    # tab\n");
    }

    @Test
    void inProseModeShiftEnterStartsALineAndEnterSends() {
        box.focus();
        page.keyboard().type("First line");
        page.keyboard().press("Shift+Enter");
        page.keyboard().type("second line");
        Assertions.assertThat(box.inputValue()).isEqualTo("First line\nsecond line");

        page.keyboard().press("Enter");
        driver.waitForTurn();

        assertThat(page.locator(".turn[data-move=answer] .msg__body").first()).containsText("second line");
        Assertions.assertThat(box.inputValue()).isEmpty();
    }

    @Test
    void hintClarifyAndSkipAreButtonsAndKeysAndTheInterviewerAnswersEach() {
        // a hint, by its key
        box.focus();
        page.keyboard().press("Alt+H");
        driver.waitForTurn();
        assertThat(page.locator(".turn[data-move=hint]")).hasCount(1);
        assertThat(page.locator(".msg--interviewer[data-move=hint]")).hasCount(1);

        // a clarifying question, with the button: the text in the box is the question
        box.fill("Do you mean in training or in production?");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Clarify")).click();
        driver.waitForTurn();
        assertThat(page.locator(".turn[data-move=clarify]")).containsText("Do you mean in training or in production?");
        assertThat(page.locator(".msg--interviewer[data-move=clarify]")).hasCount(1);

        // skip moves on to the next question
        String before = page.locator(".session__progress").textContent();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Skip")).click();
        driver.waitForTurn();
        assertThat(page.locator(".turn[data-move=skip]")).hasCount(1);
        assertThat(page.locator(".session__progress")).not().hasText(before);
    }

    @Test
    void retryReplacesTheLastGradeAndShowsThePreviousScore() {
        driver.answer("I don't know.");
        assertThat(page.locator(".turn[data-move=answer] .feedback")).isVisible();

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator(".retry-bar")).isVisible();
        Assertions.assertThat(box.inputValue()).as("the last answer, ready to edit").isEqualTo("I don't know.");
        box.fill(driver.currentQuestion().map(RoundDriver::strongAnswer).orElse("validation loss rises"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Send new answer")).click();
        driver.waitForTurn();

        Locator retry = page.locator(".turn[data-move=retry]");
        assertThat(retry.locator(".msg__move")).hasText("New answer (retry)");
        assertThat(retry.locator(".feedback__previous")).containsText("Previous attempt: 0 / 5");
    }
}

package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.interviewloop.coding.CodingAnswers;
import dev.interviewloop.knowledge.KnowledgeBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A coding round in the page: the question opens a real code editor with the starter code; Run shows the visible
 * examples' results; Submit sends code and words, every test runs, and the silent interviewer names the failing case;
 * a correct solution then passes every test.
 */
@QuarkusTest
class CodingRoundPageTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    /** Puts the code into the editor as a paste would (typing it would let the editor indent it once more). */
    private void writeCode(String code) {
        page.locator(".code-panel .cm-content").click();
        page.evaluate("""
                async (code) => {
                  const { EditorView } = await import('codemirror');
                  const view = EditorView.findFromDOM(document.querySelector('.code-panel__editor').shadowRoot
                      .querySelector('.cm-editor'));
                  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code }, userEvent: 'input.paste' });
                }""", code);
    }

    @Test
    void runThenSubmitABrokenAndACorrectSolution() {
        RoundDriver driver = new RoundDriver(page, knowledge);
        driver.start(url(""), "nvidia-ml-engineer", "coding-project", "practice");

        Locator editor = page.locator(".code-panel .cm-editor");
        assertThat(editor).isVisible();
        assertThat(page.locator(".code-panel__signature")).hasText("def min_distance(word1: str, word2: str) -> int");
        assertThat(page.locator(".code-panel .cm-content")).containsText("def min_distance(word1: str, word2: str) -> int:");
        screenshot("coding-editor");

        writeCode(CodingAnswers.code(CodingAnswers.BROKEN));
        page.getByText("▶ Run examples").click();
        driver.waitForTurn();
        Locator run = page.locator(".turn--run").last();
        assertThat(run.locator(".tests__summary")).containsText("of 2 examples passed");
        assertThat(run.locator(".case--fail").first()).containsText("horse-ros");
        assertThat(page.locator(".msg--interviewer")).hasCount(2); // opening and question: nobody replied to the run
        screenshot("coding-run-broken");

        page.locator("#answer").fill(CodingAnswers.words(CodingAnswers.BROKEN));
        page.getByText("Submit code").click();
        driver.waitForTurn();
        Locator graded = page.locator(".turn[data-move=answer]").last();
        assertThat(graded.locator(".tests__summary")).containsText("of 9 tests passed");
        assertThat(graded.locator(".tests__table")).containsText("(hidden)");
        assertThat(page.locator(".msg--interviewer[data-move=failing-tests]").last()).containsText("Case 'horse-ros'");
        screenshot("coding-submit-broken");

        writeCode(CodingAnswers.code(CodingAnswers.ONE_ROW));
        page.locator("#answer").fill(CodingAnswers.words(CodingAnswers.ONE_ROW));
        page.getByText("Submit code").click();
        driver.waitForTurn();
        Locator fixed = page.locator(".turn[data-move=answer]").last();
        assertThat(fixed.locator(".tests__summary")).containsText("9 of 9 tests passed");
        assertThat(fixed.locator(".tests__complexity")).containsText("✓ Complexity");
        screenshot("coding-submit-correct");
    }
}

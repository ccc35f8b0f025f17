package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plays a round through the page the way a candidate would: pick, type, send, wait for the interviewer. */
final class RoundDriver {

    private final Page page;
    private final KnowledgeBase knowledge;

    RoundDriver(Page page, KnowledgeBase knowledge) {
        this.page = page;
        this.knowledge = knowledge;
    }

    /** Opens the loop's round picker, chooses the mode, starts the round and waits for the first question. */
    void start(String baseUrl, String loopId, String roundId, String mode) {
        page.navigate(baseUrl + "#/loops/" + loopId);
        page.locator(".mode-option input[value=" + mode + "]").check();
        page.locator(".round-card[data-round=\"" + roundId + "\"] button").click();
        assertThat(page.locator(".msg--interviewer[data-move=ask]").first()).isVisible();
        waitForTurn();
    }

    /** Types the text into the answer box and sends it with Ctrl+Enter (which sends in prose and in code mode). */
    void answer(String text) {
        Locator box = page.locator("#answer");
        box.fill(text);
        box.press("Control+Enter");
        waitForTurn();
    }

    /** Waits until the interviewer has finished the turn: Send is enabled again, or the round is over. */
    void waitForTurn() {
        page.waitForFunction("() => { const send = document.querySelector('.composer__send');"
                + " const done = document.querySelector('.finished');"
                + " return (done && !done.hidden) || (send && !send.disabled && document.querySelector('.typing')?.hidden); }");
    }

    boolean finished() {
        return page.locator(".finished").isVisible();
    }

    /** The session view, read over REST with the token this browser keeps. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sessionView() {
        return (Map<String, Object>) page.evaluate("""
                async () => {
                  const id = decodeURIComponent(location.hash.split('/')[2]);
                  const entry = JSON.parse(localStorage.getItem('interview-loop.sessions.v1')).find((s) => s.id === id);
                  const response = await fetch('/api/sessions/' + encodeURIComponent(id),
                      { headers: { Authorization: 'Bearer ' + entry.token, Accept: 'application/json' } });
                  return response.json();
                }""");
    }

    /** The bank question on the table, if it is one (a drill-down may not be). */
    @SuppressWarnings("unchecked")
    Optional<Question> currentQuestion() {
        Map<String, Object> current = (Map<String, Object>) sessionView().get("currentQuestion");
        return current == null ? Optional.empty() : knowledge.question((String) current.get("id"));
    }

    /** A strong answer: every rubric point, in the rubric's own words. */
    static String strongAnswer(Question q) {
        return q.keyPoints().stream().map(KeyPoint::text).collect(Collectors.joining("\n\n"));
    }
}

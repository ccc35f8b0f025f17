package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Round;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The History page reads the service's history, progress per topic and weak topics, and starts a practice round. */
@QuarkusTest
class HistoryPageTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    @Test
    void historyPageShowsTheServersRoundsTheProgressPlotAndStartsAPracticeRoundOfWeakTopics() {
        Loop loop = knowledge.loops().getFirst();
        Round round = loop.rounds().getFirst();
        RoundDriver driver = new RoundDriver(page, knowledge);

        // given a practice round played in this browser: one weak answer, two skips, then ended (so it is finished)
        driver.start(url(""), loop.id(), round.id(), "practice");
        driver.answer("I am not sure, maybe it depends.");
        String playedId = (String) driver.sessionView().get("id");
        page.evaluate("""
                async (id) => {
                  const entry = JSON.parse(localStorage.getItem('interview-loop.sessions.v1')).find((s) => s.id === id);
                  for (const command of ['skip', 'skip', 'end']) {
                    const response = await fetch('/api/sessions/' + encodeURIComponent(id) + '/messages', { method: 'POST',
                        headers: { Authorization: 'Bearer ' + entry.token, 'Content-Type': 'application/json', Accept: 'application/json' },
                        body: JSON.stringify({ command }) });
                    if (!response.ok) throw new Error(command + ' answered ' + response.status);
                  }
                }""", playedId);
        // and a round started over REST by someone else, whose token this browser never saw
        @SuppressWarnings("unchecked")
        Map<String, Object> other = (Map<String, Object>) page.evaluate("""
                async ([loop, round]) => (await fetch('/api/sessions', { method: 'POST',
                    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                    body: JSON.stringify({ loop, round, mode: 'mock' }) })).json()""", new Object[] {loop.id(), round.id()});
        String otherId = (String) other.get("id");

        // when the History page opens
        page.navigate(url("#/history"));

        // then the service's rounds are listed, the finished one with its score, verdict and report link
        Locator played = page.locator(".history-table--server tr[data-session=\"" + playedId + "\"]");
        assertThat(played).containsText(round.title());
        assertThat(played.locator(".history-table__score")).hasText(Pattern.compile("^\\d(\\.\\d)? / 5 · (Strong hire|Hire|Lean no hire|No hire)$"));
        assertThat(played.getByRole(AriaRole.LINK)).hasText("Report");
        Locator stranger = page.locator(".history-table--server tr[data-session=\"" + otherId + "\"]");
        assertThat(stranger).containsText("token not in this browser");
        Assertions.assertThat(page.locator(".history-table--server tbody tr").first().getAttribute("data-session"))
                .as("newest first").isEqualTo(otherId);

        // and the progress plot loads, with a table per topic and the weak topics
        Locator plot = page.locator("img.progress-plot__img");
        assertThat(plot).hasAttribute("alt", Pattern.compile("score per topic"));
        page.waitForFunction("() => { const img = document.querySelector('img.progress-plot__img');"
                + " return img && img.complete && img.naturalWidth > 0; }");
        Assertions.assertThat(page.locator(".progress-table tbody tr").count()).isPositive();
        assertThat(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Weak topics"))).isVisible();
        Assertions.assertThat(page.locator(".weak-topics li").count()).as("weak topics after three results of 0").isPositive();
        // other tests share this service's database, so the expected figure is the server's own
        Map<String, Object> weakest = io.restassured.RestAssured.get("/api/progress").then().statusCode(200)
                .extract().jsonPath().getMap("weakTopics[0]");
        double recent = ((Number) weakest.get("recentAverage")).doubleValue();
        String shown = recent == Math.rint(recent) ? String.valueOf((long) recent) : String.format(java.util.Locale.ROOT, "%.1f", recent);
        assertThat(page.locator(".weak-topics li").first())
                .containsText(weakest.get("topic") + " — recent average " + shown + " / 5");
        Assertions.assertThat(recent).as("a weak topic's recent average is below the weak line").isLessThan(3.0);
        Locator start = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Practise my weak topics"));
        assertThat(start).isEnabled();
        screenshot("history-server");

        // when "Practise my weak topics" is pressed in practice mode
        page.locator("input[name=practice-mode][value=practice]").check();
        start.click();

        // then a practice session opens with the interviewer's first question, and this browser keeps its token
        page.waitForURL(Pattern.compile(".*#/session/[^/]+$"));
        assertThat(page.locator(".msg--interviewer[data-move=ask]").first()).isVisible();
        String practiceId = (String) driver.sessionView().get("id");
        Assertions.assertThat(practiceId).isNotEqualTo(playedId).isNotEqualTo(otherId);
        Assertions.assertThat(driver.sessionView().get("loop")).asString().contains("practice");
    }

    @Test
    void practiseButtonIsDisabledWithAReasonWhenThePlanCannotBeLoaded() {
        // given the service answers GET /api/practice with an error
        page.route("**/api/practice", routeCall -> routeCall.fulfill(new Route.FulfillOptions()
                .setStatus(500).setContentType("application/json").setBody("{\"message\":\"database unavailable\"}")));

        // when the History page opens
        page.navigate(url("#/history"));

        // then the button is disabled and says why
        Locator start = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Practise my weak topics"));
        assertThat(start).isDisabled();
        assertThat(page.locator("#practice-status")).containsText("database unavailable");
    }
}

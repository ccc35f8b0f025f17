package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTest extends BrowserTest {

    private JsonPath loops() {
        return given().accept("application/json").get("/api/loops").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void homeListsEveryLoopByTheTitleTheApiGivesIt() {
        List<String> titles = loops().getList("title", String.class);

        page.navigate(url(""));

        Locator cards = page.locator(".loop-card__title");
        assertThat(cards).hasText(titles.toArray(String[]::new));
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("Practise a technical interview loop");
        screenshot("home");
    }

    @Test
    void roundPickerShowsEachRoundWithItsPersonaStyleTopicsAndDuration() {
        JsonPath api = loops();
        String loopTitle = api.getString("[0].title");
        List<Map<String, Object>> rounds = api.getList("[0].rounds");

        page.navigate(url(""));
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName(loopTitle)).click();

        assertThat(page.locator("h1")).hasText(loopTitle);
        Locator cards = page.locator(".round-card");
        assertThat(cards).hasCount(rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            Map<String, Object> round = rounds.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> persona = (Map<String, Object>) round.get("persona");
            Locator card = cards.nth(i);
            assertThat(card.locator(".round-card__title")).hasText((String) round.get("title"));
            assertThat(card.locator(".persona__name")).containsText((String) persona.get("name"));
            assertThat(card.locator(".persona__role")).hasText((String) persona.get("role"));
            assertThat(card.locator(".facts")).containsText((String) persona.get("style"));
            assertThat(card.locator(".facts")).containsText(round.get("durationMinutes") + " min");
            @SuppressWarnings("unchecked")
            List<String> topics = (List<String>) round.get("topics");
            assertThat(card.locator(".tag")).hasText(topics.toArray(String[]::new));
            assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start round"))).isEnabled();
        }
        assertThat(page.getByLabel("Practice")).isChecked();
        screenshot("round-picker");
    }

    @Test
    void theHeaderShowsWhichInterviewerAndGraderAreActiveWhenTheServiceSaysAndNothingOtherwise() {
        var status = given().accept("application/json").get("/api/status");
        page.navigate(url(""));
        assertThat(page.locator(".loop-card")).not().hasCount(0);

        if (status.statusCode() == 200) {
            JsonPath json = status.jsonPath();
            assertThat(page.locator("#service-status")).containsText("Interviewer: ");
            assertThat(page.locator("#service-status")).containsText(
                    "llm".equals(json.getString("interviewer")) ? "LLM interviewer" : "Built-in interviewer");
        } else {
            // an older service without /api/status: the header leaves the line out, and the page still works
            assertThat(page.locator("#service-status")).isHidden();
        }
    }

    @Test
    void aLoopAndAModeCanBeChosenWithTheKeyboardAlone() {
        String loopTitle = loops().getString("[0].title");
        page.navigate(url(""));
        assertThat(page.locator(".loop-card")).not().hasCount(0);

        // Tab from the top of the page: skip link, brand, nav links, then the first loop
        for (int i = 0; i < 12 && !loopTitle.equals(page.evaluate("document.activeElement.textContent")); i++) {
            page.keyboard().press("Tab");
        }
        Assertions.assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo(loopTitle);
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText(loopTitle);
        assertThat(page.locator("h1")).isFocused();
        page.getByLabel("Practice").focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByLabel("Mock")).isChecked();
        Assertions.assertThat(page.evaluate("localStorage.getItem('interview-loop.mode')")).isEqualTo("mock");
    }

    @Test
    void atPhoneWidthNothingOverflowsSideways() {
        page.setViewportSize(PHONE.width, PHONE.height);
        page.navigate(url(""));
        assertThat(page.locator(".loop-card")).not().hasCount(0);
        Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot("home-phone");

        page.locator(".loop-card__title a").first().click();
        assertThat(page.locator(".round-card")).not().hasCount(0);
        Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot("round-picker-phone");
    }
}

package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What a candidate types goes through the service and back into the page as text, never as markup. */
@QuarkusTest
class SessionSafetyTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    @Test
    void anAnswerWithScriptAndImgOnerrorIsShownAsTextAndRunsNothing() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        Loop loop = knowledge.loops().getFirst();
        RoundDriver driver = new RoundDriver(page, knowledge);
        driver.start(url(""), loop.id(), loop.rounds().getFirst().id(), "practice");

        String hostile = "<script>alert('script ran'); window.__pwned = 1</script> and "
                + "<img src=x onerror=\"alert('img ran'); window.__pwned = 2\"> was my answer";
        driver.answer(hostile);

        Locator answer = page.locator(".turn[data-move=answer] .msg--candidate .msg__body").first();
        assertThat(answer).containsText("<script>alert('script ran'); window.__pwned = 1</script>");
        assertThat(answer).containsText("<img src=x onerror=\"alert('img ran'); window.__pwned = 2\">");
        assertThat(page.locator(".transcript script, .transcript img, .transcript [onerror]")).hasCount(0);
        page.waitForTimeout(500); // an injected handler would have fired by now
        Assertions.assertThat(page.evaluate("window.__pwned ?? null")).isNull();
        Assertions.assertThat(dialogs).isEmpty();

        // and it stays text after a reload rebuilds the transcript from the service
        page.reload();
        assertThat(page.locator(".turn[data-move=answer] .msg__body").first()).containsText("<img src=x onerror=");
        assertThat(page.locator(".transcript script, .transcript img")).hasCount(0);
        Assertions.assertThat(dialogs).isEmpty();
    }
}

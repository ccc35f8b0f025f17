package dev.interviewloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ViewportSize;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One headless Chromium per test class, a fresh context (so a fresh localStorage) per test, at a laptop's
 * viewport. Any uncaught error in the page's scripts fails the test.
 */
abstract class BrowserTest {

    static final ViewportSize LAPTOP = new ViewportSize(1366, 860);
    static final ViewportSize PHONE = new ViewportSize(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(LAPTOP));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
        page.onConsoleMessage(message -> {
            // a 404 from an optional endpoint (/api/status) is logged by the browser itself; that is not our error
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                pageErrors.add(message.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(pageErrors).as("errors in the page's scripts").isEmpty();
    }

    String url(String hash) {
        return root.toString() + hash;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}

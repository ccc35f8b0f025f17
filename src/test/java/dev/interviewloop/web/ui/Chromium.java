package dev.interviewloop.web.ui;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system Chromium driven by Playwright. Browsers cannot be downloaded on the build machines, so Playwright's
 * download is off and the tests launch {@code /usr/bin/chromium} (or {@code $CHROMIUM_PATH}); without it they fail
 * with the command that installs it, they do not skip.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    private Chromium() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("The browser tests need Chromium at " + EXECUTABLE + " and there is none: install it with "
                    + "'apt-get install -y chromium' (.ci/run does), or point CHROMIUM_PATH at a Chromium binary.");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS));
    }
}

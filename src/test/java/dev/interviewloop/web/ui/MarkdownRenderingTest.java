package dev.interviewloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page's Markdown renderer (js/markdown.js, with marked and DOMPurify from their mvnpm jars) in the real
 * browser: what a candidate or a model writes is shown, never executed.
 */
@QuarkusTest
class MarkdownRenderingTest extends BrowserTest {

    private static final String RENDER = """
            async (text) => {
              const { renderMarkdown } = await import('/js/markdown.js');
              const box = document.createElement('div');
              box.append(renderMarkdown(text));
              document.body.append(box);
              await new Promise((r) => setTimeout(r, 300)); // give an injected handler the chance to fire
              return { html: box.innerHTML, text: box.textContent,
                       tags: [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
                       pwned: window.__pwned ?? null };
            }""";

    @SuppressWarnings("unchecked")
    private Map<String, Object> render(String markdown) {
        page.navigate(url(""));
        return (Map<String, Object>) page.evaluate(RENDER, markdown);
    }

    @Test
    void htmlTypedInAnAnswerIsShownAsTextAndNeverRuns() {
        Map<String, Object> out = render("Use <script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned = 2\"> here");

        assertThat((String) out.get("text")).contains("<script>window.__pwned = 1</script>")
                .contains("<img src=x onerror=\"window.__pwned = 2\">");
        assertThat((List<String>) out.get("tags")).doesNotContain("script", "img");
        assertThat(out.get("pwned")).isNull();
    }

    @Test
    void codeBlocksKeepTheirIndentationAndLanguage() {
        Map<String, Object> out = render("My code:\n\n```python\ndef f(x):\n    if x < 0:\n        return -x\n    return x\n```");

        assertThat((String) out.get("html")).contains("<pre><code class=\"language-python\">");
        assertThat((String) out.get("text")).contains("def f(x):\n    if x < 0:\n        return -x");
    }

    @Test
    void scriptLinksAndEventAttributesAreRemovedButOrdinaryLinksStay() {
        Map<String, Object> out = render("[click](javascript:window.__pwned=3) and [notes](https://example.org/a)");

        String html = (String) out.get("html");
        assertThat(html).doesNotContain("javascript:");
        assertThat(html).contains("href=\"https://example.org/a\"").contains("rel=\"noopener noreferrer nofollow\"");
        assertThat(out.get("pwned")).isNull();
    }

    @Test
    void theCandidatesWordsAreHighlightedAcrossMarkdownFormatting() {
        page.navigate(url(""));
        Object marked = page.evaluate("""
                async () => {
                  const { renderMarkdown, highlightPhrases } = await import('/js/markdown.js');
                  const box = document.createElement('div');
                  box.append(renderMarkdown('Compare the **validation loss** with the training loss.'));
                  highlightPhrases(box, [{ text: 'the **validation loss** with', className: 'evidence' }]);
                  return [...box.querySelectorAll('mark')].map((m) => m.textContent).join('');
                }""");

        assertThat(marked).isEqualTo("the validation loss with");
    }

    @Test
    void theDownloadedReportWritesTheCandidatesHtmlAsText() {
        page.navigate(url(""));
        String markdown = (String) page.evaluate("""
                async () => {
                  const { reportMarkdown } = await import('/js/report-md.js');
                  return reportMarkdown({
                    round: { title: 'Fundamentals' }, loop: { title: 'Loop' }, persona: { name: 'Kai' }, mode: 'practice',
                    verdict: 'hire', averageScore: 4, bar: 3.5,
                    questions: [{ title: 'Overfitting <b>?</b>', topic: 'ml', score: 4, attempts: 1,
                                  feedback: 'You said <img src=x onerror=alert(1)>' }],
                    strengths: ['Overfitting: gap (you said: "<script>alert(1)</script> & more")'],
                    gaps: ['<iframe src="https://example.org"></iframe>'], study: [] }, 'http://localhost/');
                }""");

        assertThat(markdown).doesNotContain("<script", "<img", "<iframe", "<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .contains("You said &lt;img src=x onerror=alert(1)&gt;");
    }
}

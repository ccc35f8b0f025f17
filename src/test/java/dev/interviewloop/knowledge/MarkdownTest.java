package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown is split into citable sections at its headings. */
class MarkdownTest {

    @Test
    void splitsAtSecondAndThirdLevelHeadingsWithPaths() {
        Markdown.Parsed parsed = Markdown.parse("""
                # GPU memory
                Intro text.

                ## Registers
                Fastest.

                ### Spilling
                To local memory.

                ## Shared memory
                Per block.
                """, "fallback");

        assertThat(parsed.title()).isEqualTo("GPU memory");
        assertThat(parsed.sections()).extracting(Section::path)
                .containsExactly("GPU memory", "GPU memory > Registers", "GPU memory > Registers > Spilling",
                        "GPU memory > Shared memory");
        assertThat(parsed.sections().get(2).line()).isEqualTo(7);
        assertThat(parsed.sections().get(2).text()).isEqualTo("To local memory.");
    }

    @Test
    void ignoresHeadingsInsideCodeFences() {
        Markdown.Parsed parsed = Markdown.parse("""
                # Title
                ## Code
                ```python
                ## not a heading
                ```
                """, "fallback");

        assertThat(parsed.sections()).singleElement().satisfies(s -> assertThat(s.text()).contains("## not a heading"));
    }

    @Test
    void aTildeLineInsideABacktickFenceDoesNotEndTheFence() {
        Markdown.Parsed parsed = Markdown.parse("""
                # Title
                ## Shell
                ```
                ~~~
                ## still code
                ```
                ## Next
                After.
                """, "fallback");

        assertThat(parsed.sections()).extracting(Section::heading).containsExactly("Shell", "Next");
        assertThat(parsed.sections().get(0).text()).contains("## still code");
        assertThat(parsed.sections().get(1).line()).isEqualTo(7);
    }

    @Test
    void aHeadingLineInAnIndentedCodeBlockIsCode() {
        Markdown.Parsed parsed = Markdown.parse("""
                # Title
                ## Example

                    ## a comment in code
                    x = 1
                """, "fallback");

        assertThat(parsed.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Example");
            assertThat(s.text()).contains("## a comment in code");
        });
    }

    @Test
    void closingHashesAreNotPartOfTheHeading() {
        Markdown.Parsed parsed = Markdown.parse("# Title #\n## Bias and variance ##\nText.\n### C# tips ###\nMore.", "fallback");

        assertThat(parsed.title()).isEqualTo("Title");
        assertThat(parsed.sections()).extracting(Section::heading).containsExactly("Bias and variance", "C# tips");
        assertThat(parsed.sections().get(0).id()).isEqualTo("bias-and-variance");
    }

    @Test
    void setextHeadingsStartSectionsAtTheirTextLine() {
        Markdown.Parsed parsed = Markdown.parse("""
                GPU memory
                ==========
                Intro.

                Registers
                ---------
                Fastest.
                """, "fallback");

        assertThat(parsed.title()).isEqualTo("GPU memory");
        assertThat(parsed.sections()).extracting(Section::path).containsExactly("GPU memory", "GPU memory > Registers");
        assertThat(parsed.sections().get(1).line()).isEqualTo(5);
        assertThat(parsed.sections().get(1).text()).isEqualTo("Fastest.");
    }

    @Test
    void headingMarkupIsNotPartOfItsName() {
        Markdown.Parsed parsed = Markdown.parse("# T\n## Why *divide* by `sqrt(d_k)`?\nBecause.", "fallback");

        assertThat(parsed.sections().get(0).heading()).isEqualTo("Why divide by sqrt(d_k)?");
    }

    @Test
    void aHeadingInsideAQuoteOrAListIsNoSection() {
        Markdown.Parsed parsed = Markdown.parse("# T\n## Only\n> ## quoted\n\n- ## in a list\n", "fallback");

        assertThat(parsed.sections()).extracting(Section::heading).containsExactly("Only");
    }

    @Test
    void sectionsRenderToHtmlWithRawHtmlShownAsTextAndUnsafeLinksDropped() {
        String html = Markdown.html("""
                A **bold** claim with <script>alert(1)</script> and [a link](javascript:alert(1)).

                | a | b |
                |---|---|
                | 1 | 2 |

                ~~~python
                ## code
                ~~~
                """);

        assertThat(html).contains("<strong>bold</strong>").contains("&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("javascript:").contains("<table>").contains("<code class=\"language-python\">## code");
    }

    @Test
    void documentWithoutHeadingsIsOneSectionNamedByTheFallback() {
        Markdown.Parsed parsed = Markdown.parse("Just text.\nMore.", "my-notes");

        assertThat(parsed.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("my-notes");
            assertThat(s.text()).isEqualTo("Just text.\nMore.");
        });
    }

    @Test
    void slugsAreAsciiLowerCaseWithSingleDashes() {
        assertThat(Markdown.slug("Why divide by √d_k?")).isEqualTo("why-divide-by-d-k");
        assertThat(Markdown.slug("Réseaux & Régularisation")).isEqualTo("reseaux-regularisation");
        assertThat(Markdown.slug("???")).isEqualTo("section");
    }
}

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

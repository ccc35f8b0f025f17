package dev.interviewloop.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Section;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A study link opens the note at its section. */
@QuarkusTest
class NotesPageTest extends BrowserTest {

    @Inject
    KnowledgeBase knowledge;

    @Test
    void aNoteLinkOpensTheNoteScrolledToItsSection() {
        Note note = knowledge.documents().stream().filter(n -> n.kind() == Note.Kind.NOTE && n.sections().size() > 2)
                .findFirst().orElseThrow();
        Section section = note.sections().getLast();

        page.navigate(url("#/notes/" + note.id() + "/" + section.id()));

        assertThat(page.locator("h1")).hasText(note.title());
        Locator target = page.locator("#note-" + section.id());
        assertThat(target).hasClass(java.util.regex.Pattern.compile("note__section--target"));
        assertThat(target).isFocused();
        assertThat(target).isInViewport();
        assertThat(target.locator("h2")).hasText(section.heading());
        String firstWords = dev.interviewloop.knowledge.Text.clip(section.text().replaceAll("[*_`#>\\[\\]()-]", " "), 30)
                .replace("…", "").strip();
        assertThat(target.locator(".md")).containsText(firstWords.substring(0, firstWords.lastIndexOf(' ')));
        screenshot("note");
    }

    @Test
    void anUnknownNoteSaysSoInsteadOfAnEmptyPage() {
        page.navigate(url("#/notes/no-such-note"));

        assertThat(page.locator("[role=alert]")).containsText("could not be loaded");
    }
}

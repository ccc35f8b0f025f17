package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents a user drops in are indexed; bad files are skipped with a warning that names them. */
class UserDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void readsMarkdownTextAndHtml() throws Exception {
        Files.writeString(dir.resolve("notes.md"), "# My notes\n## Adam\nAdaptive moments.\n");
        Files.writeString(dir.resolve("plain.txt"), "Just a paragraph about dropout.");
        Files.writeString(dir.resolve("page.html"), "<html><head><title>x</title><script>alert(1)</script></head>"
                + "<body><h1>Kernels</h1><h2>Warps</h2><p>32 threads &amp; one instruction.</p></body></html>");

        UserDocuments.Result result = UserDocuments.read(dir, 1_000_000);

        assertThat(result.skipped()).isEmpty();
        assertThat(result.documents()).extracting(Note::title).containsExactlyInAnyOrder("My notes", "plain", "Kernels");
        Note html = result.documents().stream().filter(n -> n.title().equals("Kernels")).findFirst().orElseThrow();
        assertThat(html.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Warps");
            assertThat(s.text()).isEqualTo("32 threads & one instruction.");
        });
        assertThat(result.documents()).allMatch(n -> n.kind() == Note.Kind.USER && n.file().startsWith("user-docs/"));
    }

    @Test
    void skipsFilesThatAreNotUtf8EmptyOrTooLargeAndNamesThem() throws Exception {
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Files.writeString(dir.resolve("empty.md"), "");
        Files.writeString(dir.resolve("huge.md"), "x".repeat(2_000));
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("good.md"), "# Good\n\nFine.");

        UserDocuments.Result result = UserDocuments.read(dir, 1_000);

        assertThat(result.documents()).extracting(Note::title).containsExactly("Good");
        assertThat(result.skipped()).hasSize(4)
                .anySatisfy(s -> assertThat(s).contains("latin1.txt").contains("not valid UTF-8"))
                .anySatisfy(s -> assertThat(s).contains("empty.md").contains("empty"))
                .anySatisfy(s -> assertThat(s).contains("huge.md").contains("more than the limit of 1000"))
                .anySatisfy(s -> assertThat(s).contains("image.png").contains("not a .md, .txt or .html file"));
    }

    @Test
    void missingFolderIsReportedNotFatal() {
        UserDocuments.Result result = UserDocuments.read(dir.resolve("absent"), 1_000);

        assertThat(result.documents()).isEmpty();
        assertThat(result.skipped()).singleElement().asString().contains("does not exist");
    }

    @Test
    void longSectionsAreSplitAtParagraphs() {
        String paragraph = "word ".repeat(300).strip();
        Section s = new Section("long", "Long", "Doc > Long", paragraph + "\n\n" + paragraph + "\n\n" + paragraph, 3);

        assertThat(UserDocuments.split(s)).hasSize(3)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(UserDocuments.MAX_SECTION_CHARS))
                .extracting(Section::id).containsExactly("long", "long-part-2", "long-part-3");
    }
}

package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A knowledge folder the loader tests write, change and load. */
record KnowledgeFolder(Path root) {

    void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    void replace(String relative, String from, String to) throws IOException {
        Path file = root.resolve(relative);
        String text = Files.readString(file);
        assertThat(text).as("fixture contains %s", from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The problems the loader reports, each as {@code file:line: message}; fails when it loads the folder. */
    List<String> problems() {
        try {
            KnowledgeLoader.load(root);
        } catch (KnowledgeException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the loader to refuse the folder");
    }
}

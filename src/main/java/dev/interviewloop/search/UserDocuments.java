package dev.interviewloop.search;

import dev.interviewloop.knowledge.Markdown;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Section;
import dev.interviewloop.knowledge.Text;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the documents a user drops into the configured folder: Markdown ({@code .md}), plain text
 * ({@code .txt}) and HTML ({@code .html}, {@code .htm}). A file that is not UTF-8, is empty or is
 * larger than the limit is skipped with a warning that names it; one bad file never stops the rest.
 */
public final class UserDocuments {

    /** Sections longer than this are split at paragraph boundaries so each chunk stays focused. */
    static final int MAX_SECTION_CHARS = 2_000;

    /** What was read and what was skipped, with the reason for each skipped file. */
    public record Result(List<Note> documents, List<String> skipped) {
    }

    private UserDocuments() {
    }

    public static Result read(Path dir, long maxBytes) {
        List<Note> docs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            skipped.add(dir + ": the user documents folder does not exist; create it or unset interview-loop.search.user-docs-dir");
            Log.warn(skipped.get(0));
            return new Result(docs, skipped);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            skipped.add(dir + ": cannot be listed: " + e.getMessage());
            Log.warn(skipped.get(0));
            return new Result(docs, skipped);
        }
        for (Path file : files) {
            String reason = null;
            Note note = null;
            try {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                long size = Files.size(file);
                if (!(name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm"))) {
                    reason = "not a .md, .txt or .html file";
                } else if (size == 0) {
                    reason = "the file is empty";
                } else if (size > maxBytes) {
                    reason = "the file has " + size + " bytes, more than the limit of " + maxBytes
                            + " (interview-loop.search.max-user-doc-bytes)";
                } else {
                    String text = decodeUtf8(Files.readAllBytes(file));
                    if (text == null) {
                        reason = "the file is not valid UTF-8; save it as UTF-8";
                    } else {
                        if (name.endsWith(".html") || name.endsWith(".htm")) {
                            text = Html.toMarkdown(text);
                        }
                        if (text.isBlank()) {
                            reason = "the file has no text";
                        } else {
                            note = toNote(dir, file, text);
                        }
                    }
                }
            } catch (IOException e) {
                reason = "cannot be read: " + e.getMessage();
            }
            if (note != null) {
                docs.add(note);
            } else {
                String message = file + ": skipped: " + reason;
                skipped.add(message);
                Log.warn(message);
            }
        }
        return new Result(docs, skipped);
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return Text.strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Note toNote(Path dir, Path file, String text) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        String id = "user-" + Markdown.slug(relative);
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Markdown.Parsed parsed = Markdown.parse(text, stem);
        List<Section> sections = new ArrayList<>();
        for (Section s : parsed.sections()) {
            sections.addAll(split(s));
        }
        return new Note(id, parsed.title(), Note.Kind.USER, "user-docs/" + relative, sections);
    }

    /** Splits a long section at blank lines into parts of at most about {@link #MAX_SECTION_CHARS}. */
    static List<Section> split(Section s) {
        if (s.text().length() <= MAX_SECTION_CHARS) {
            return List.of(s);
        }
        List<Section> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : s.text().split("\\n\\s*\\n")) {
            if (current.length() > 0 && current.length() + paragraph.length() > MAX_SECTION_CHARS) {
                parts.add(part(s, parts.size() + 1, current.toString()));
                current.setLength(0);
            }
            while (paragraph.length() > MAX_SECTION_CHARS) {
                parts.add(part(s, parts.size() + 1, paragraph.substring(0, MAX_SECTION_CHARS)));
                paragraph = paragraph.substring(MAX_SECTION_CHARS);
            }
            current.append(paragraph).append("\n\n");
        }
        if (!current.toString().isBlank()) {
            parts.add(part(s, parts.size() + 1, current.toString()));
        }
        return parts;
    }

    private static Section part(Section s, int n, String text) {
        return n == 1 ? new Section(s.id(), s.heading(), s.path(), text.strip(), s.line())
                : new Section(s.id() + "-part-" + n, s.heading() + " (part " + n + ")", s.path() + " (part " + n + ")",
                        text.strip(), s.line());
    }
}

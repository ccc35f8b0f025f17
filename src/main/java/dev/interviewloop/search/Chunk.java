package dev.interviewloop.search;

import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Section;
import java.util.List;

/**
 * One indexed unit: a section of a note, a write-up or a user document.
 *
 * @param id {@code <doc>#<section id>}, unique in the index
 * @param file the file it came from, for citations ({@code knowledge/notes/x.md})
 */
public record Chunk(String id, String doc, String docTitle, Note.Kind kind, String section, String path, String text,
                    String file, int line) {

    public static List<Chunk> of(Note note) {
        return note.sections().stream().map(s -> of(note, s)).toList();
    }

    public static Chunk of(Note note, Section s) {
        return new Chunk(note.id() + "#" + s.id(), note.id(), note.title(), note.kind(), s.heading(), s.path(),
                s.text(), note.file(), s.line());
    }

    /** What is embedded and searched: the heading path gives a short section its context. */
    public String searchableText() {
        return path + "\n" + text;
    }
}

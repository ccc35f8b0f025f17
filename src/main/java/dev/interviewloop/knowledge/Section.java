package dev.interviewloop.knowledge;

/**
 * One citable section of a note.
 *
 * @param id the slug of the heading; a {@link NoteRef} names a section by its heading
 * @param path the headings from the document title down to this one, joined with " > "
 * @param line the 1-based line of the heading in the file
 */
public record Section(String id, String heading, String path, String text, int line) {
}

package dev.interviewloop.knowledge;

/** A pointer into the reference notes: a note id and the heading of one of its sections. */
public record NoteRef(String note, String section) {

    public String sectionId() {
        return Markdown.slug(section);
    }
}

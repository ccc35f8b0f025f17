package dev.interviewloop.web;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Markdown;
import dev.interviewloop.knowledge.Note;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** A reference note (or retold write-up) split into its sections, so the UI can open what a report says to study. */
@Path("/api/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    /**
     * @param text the section's Markdown, as indexed and cited
     * @param html the same rendered by the parser that split the note (raw HTML shown as text), for the page to show
     */
    public record SectionView(String id, String heading, String path, String text, String html) {
    }

    public record NoteView(String id, String title, String kind, List<SectionView> sections) {
    }

    private final KnowledgeBase knowledge;

    public NoteResource(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GET
    @Path("{note}")
    public NoteView note(@PathParam("note") String id) {
        Note note = Optional.ofNullable(knowledge.notes().get(id)).or(() -> Optional.ofNullable(knowledge.sources().get(id)))
                .orElseThrow(() -> ApiException.notFound("no note '" + id + "'; notes: "
                        + knowledge.notes().keySet().stream().sorted().toList()));
        return new NoteView(note.id(), note.title(), note.kind().name().toLowerCase(),
                note.sections().stream().map(s -> new SectionView(s.id(), s.heading(), s.path(), s.text(),
                        Markdown.html(s.text()))).toList());
    }
}

package dev.interviewloop.web;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Round;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;

/** The interview loops and their rounds, for choosing what to practise. */
@Path("/api/loops")
@Produces(MediaType.APPLICATION_JSON)
public class LoopResource {

    public record PersonaView(String id, String name, String role, String seniority, String style, String pace,
                              List<String> habits, String opening, double bar) {
    }

    public record RoundView(String id, String title, String focus, PersonaView persona, int durationMinutes,
                            int questionCount, List<String> topics) {
    }

    public record LoopView(String id, String title, String source, String description, List<RoundView> rounds) {
    }

    private final KnowledgeBase knowledge;

    public LoopResource(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GET
    public List<LoopView> loops() {
        return knowledge.loops().stream().map(this::view).toList();
    }

    private LoopView view(Loop loop) {
        return new LoopView(loop.id(), loop.title(), loop.source(), loop.description(),
                loop.rounds().stream().map(this::view).toList());
    }

    private RoundView view(Round round) {
        Persona p = knowledge.persona(round.persona()).orElseThrow();
        List<String> topics = List.copyOf(new LinkedHashSet<>(round.questions().stream()
                .map(id -> knowledge.question(id).orElseThrow().topic()).toList()));
        return new RoundView(round.id(), round.title(), round.focus(),
                new PersonaView(p.id(), p.name(), p.role(), p.seniority(), p.style(), p.pace(), p.habits(), p.opening(), p.bar()),
                round.durationMinutes(), round.budget(), topics);
    }
}

package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.QuestionKind;
import dev.interviewloop.knowledge.Round;
import java.time.Instant;
import java.util.List;

/**
 * A session as the candidate sees it (docs/session-api.md, "Session view"). In mock mode the grades are
 * left out of the messages until the round is finished.
 *
 * @param interviewer who words the interviewer's turns ({@code built-in} or {@code llm})
 * @param grader the grader of the latest grade, or null before the first answer
 * @param currentQuestion the question on the table, or null once the round is finished
 */
public record SessionView(String id, LoopRef loop, RoundRef round, PersonaRef persona, Mode mode, String interviewer,
                          String grader, SessionState state, boolean done, Instant startedAt, Instant endsAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Instant finishedAt,
                          CurrentQuestion currentQuestion, List<Message> messages) {

    public record LoopRef(String id, String title) {
        static LoopRef of(Loop loop) {
            return new LoopRef(loop.id(), loop.title());
        }
    }

    public record RoundRef(String id, String title, int durationMinutes, int questionBudget) {
        static RoundRef of(Round round) {
            return new RoundRef(round.id(), round.title(), round.durationMinutes(), round.budget());
        }
    }

    public record PersonaRef(String id, String name, String role, String style, double bar) {
        static PersonaRef of(Persona p) {
            return new PersonaRef(p.id(), p.name(), p.role(), p.style(), p.bar());
        }
    }

    /**
     * @param number the plan position (a drill keeps the number of the question it came from)
     * @param of how many plan questions the round asks
     * @param hintsLeft hints still available on this question
     * @param code for a coding question with tests: the function to write and the editor's starting code; else null
     */
    public record CurrentQuestion(String id, String title, QuestionKind kind, int number, int of, int hintsLeft,
                                  @com.fasterxml.jackson.annotation.JsonInclude(
                                          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Code code) {
    }

    /** What the code editor of a coding question starts from. */
    public record Code(String language, String function, String signature, String starter, int examples) {
    }

    /** The view of a session of {@code loop} (a loop of the knowledge base, or one built at run time). */
    static SessionView of(Session s, Loop loop, KnowledgeBase kb, String interviewer) {
        Round round = loop.round(s.roundId()).orElseThrow();
        Persona persona = kb.persona(s.personaId()).orElseThrow();
        CurrentQuestion current = null;
        if (!s.finished() && s.current() != null) {
            QuestionState q = s.current();
            Question question = kb.question(q.questionId()).orElseThrow();
            Code code = kb.coding(question.id()).map(t -> new Code("python", t.function(), t.signature(), t.starter(),
                    t.visible().size())).orElse(null);
            current = new CurrentQuestion(question.id(), question.title(), question.kind(), q.number(), round.budget(),
                    Math.max(0, question.hints().size() - q.hints()), code);
        }
        String grader = s.messages().stream().filter(m -> m.grade() != null).reduce((a, b) -> b)
                .map(m -> m.grade().grade().grader()).orElse(null);
        return new SessionView(s.id(), LoopRef.of(loop), RoundRef.of(round), PersonaRef.of(persona), s.mode(),
                interviewer, grader, s.state(), s.finished(), s.startedAt(), s.endsAt(), s.finishedAt(), current,
                visible(s, s.messages()));
    }

    /** The messages as the candidate may see them: without grades in a mock round that is still running. */
    static List<Message> visible(Session s, List<Message> messages) {
        return s.mode() == Mode.MOCK && !s.finished() ? messages.stream().map(Message::withoutGrade).toList() : messages;
    }
}

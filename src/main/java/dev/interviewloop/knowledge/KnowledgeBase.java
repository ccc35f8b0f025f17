package dev.interviewloop.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything under {@code knowledge/}, loaded and validated. Immutable.
 *
 * @param coding the tests of the coding questions, by question id
 */
public record KnowledgeBase(List<Loop> loops, Map<String, Persona> personas, Map<String, Question> questions,
                            Map<String, Note> notes, Map<String, Note> sources, Map<String, CodingTask> coding) {

    public KnowledgeBase {
        loops = List.copyOf(loops);
        personas = Map.copyOf(personas);
        questions = Map.copyOf(questions);
        notes = Map.copyOf(notes);
        sources = Map.copyOf(sources);
        coding = Map.copyOf(coding);
    }

    /** Content without coding tests. */
    public KnowledgeBase(List<Loop> loops, Map<String, Persona> personas, Map<String, Question> questions,
                         Map<String, Note> notes, Map<String, Note> sources) {
        this(loops, personas, questions, notes, sources, Map.of());
    }

    /** The tests a coding question's code is run against, if it has them. */
    public Optional<CodingTask> coding(String questionId) {
        return Optional.ofNullable(questionId == null ? null : coding.get(questionId));
    }

    public Optional<Loop> loop(String id) {
        return loops.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    public Optional<Persona> persona(String id) {
        return Optional.ofNullable(personas.get(id));
    }

    /** The section a reference points to, if the note and the heading exist. */
    public Optional<Section> resolve(NoteRef ref) {
        return Optional.ofNullable(notes.get(ref.note())).flatMap(n -> n.section(ref.sectionId()));
    }

    /** Reference notes first, then the retold write-ups. */
    public List<Note> documents() {
        return java.util.stream.Stream.of(notes.values(), sources.values())
                .flatMap(Collection::stream)
                .sorted(java.util.Comparator.comparing(Note::kind).thenComparing(Note::id))
                .toList();
    }
}

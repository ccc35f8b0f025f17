package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader accepts valid content and refuses broken content with the file, the line and what to do. */
class KnowledgeLoaderTest {

    @TempDir
    Path root;

    static final String PERSONA = """
            id: lead
            name: Kai
            role: Tech lead
            seniority: senior
            tone: brisk
            pace: fast
            habits: [skips introductions]
            opening: Straight in.
            bar: 3.5
            voice:
              opening: ["Let's start."]
              ask: ["{prompt}"]
              closing: ["Thanks."]
            """;

    static final String LOOP = """
            id: loop-a
            title: Loop A
            source: story
            description: A loop.
            rounds:
              - id: round-1
                title: Fundamentals
                persona: lead
                durationMinutes: 45
                focus: Basics.
                questions:
                  - q-one
            """;

    static final String QUESTIONS = """
            questions:
              - id: q-one
                topic: generalization
                title: Overfitting
                prompt: How do you detect overfitting?
                kind: concept
                difficulty: 2
                source: {writeup: story, round: round-1}
                keyPoints:
                  - id: gap
                    text: Compare training and validation loss.
                    weight: 2
                  - id: remedies
                    text: Regularise, add data, stop early.
                    weight: 1
                misconceptions:
                  - id: epochs
                    statement: More epochs fix it.
                    correction: More epochs make it worse.
                followUps:
                  - id: deeper
                    trigger: strong
                    prompt: Why is L1 sparse?
                  - id: probe-gap
                    trigger: missed:gap
                    prompt: Which curves do you look at?
                hints: [Think about held-out data., Plot both losses.]
                references:
                  - {note: reg, section: Diagnosing overfitting}
                modelAnswer: Compare the curves; regularise.
            """;

    static final String NOTE = """
            # Regularisation

            ## Diagnosing overfitting
            Compare training and validation loss.

            ## Remedies
            Regularise.
            """;

    @BeforeEach
    void writeValidTree() throws IOException {
        write("personas/lead.yaml", PERSONA);
        write("loops/loop-a.yaml", LOOP);
        write("questions/basics.yaml", QUESTIONS);
        write("notes/reg.md", NOTE);
        write("sources/story.md", "# A story\n\n## Round 1\nIt went fast.\n");
    }

    void write(String relative, String text) throws IOException {
        new KnowledgeFolder(root).write(relative, text);
    }

    void replace(String relative, String from, String to) throws IOException {
        new KnowledgeFolder(root).replace(relative, from, to);
    }

    List<String> problems() {
        return new KnowledgeFolder(root).problems();
    }

    String prefix() {
        return root.getFileName() + "/";
    }

    @Test
    void validFolderLoadsEveryKind() {
        KnowledgeBase kb = KnowledgeLoader.load(root);

        assertThat(kb.loops()).singleElement().satisfies(l -> assertThat(l.rounds()).hasSize(1));
        assertThat(kb.question("q-one")).get().satisfies(q -> {
            assertThat(q.keyPoints()).extracting(KeyPoint::id).containsExactly("gap", "remedies");
            assertThat(q.followUps().get(1).on()).isEqualTo(FollowUp.On.MISSED);
            assertThat(q.followUps().get(1).target()).isEqualTo("gap");
            assertThat(q.kind()).isEqualTo(QuestionKind.CONCEPT);
        });
        assertThat(kb.persona("lead")).get().satisfies(p -> assertThat(p.lines(VoiceLine.OPENING)).containsExactly("Let's start."));
        assertThat(kb.resolve(new NoteRef("reg", "Diagnosing overfitting"))).isPresent();
        assertThat(kb.loops().get(0).rounds().get(0).budget()).isEqualTo(1);
    }

    @Test
    void shippedKnowledgeFolderIsValid() {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("knowledge"));

        assertThat(kb.loops()).isNotEmpty();
        assertThat(kb.questions()).isNotEmpty();
    }

    @Test
    void unknownFieldIsNamedWithItsLine() throws IOException {
        replace("questions/basics.yaml", "    difficulty: 2\n", "    difficulty: 2\n    dificulty: 3\n");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "questions/basics.yaml:8:")
                .contains("unknown field 'dificulty'");
    }

    @Test
    void missingIdIsReported() throws IOException {
        replace("questions/basics.yaml", "  - id: q-one\n    topic", "  - topic");

        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("questions/basics.yaml").contains("question has no 'id'"));
    }

    @Test
    void duplicateQuestionIdNamesBothPlaces() throws IOException {
        write("questions/more.yaml", QUESTIONS);

        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith(prefix() + "questions/more.yaml:2:")
                .contains("question id 'q-one' is already used in " + prefix() + "questions/basics.yaml:2"));
    }

    @Test
    void referenceToMissingNoteSectionListsTheHeadingsThere() throws IOException {
        replace("questions/basics.yaml", "section: Diagnosing overfitting", "section: Early stopping");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "questions/basics.yaml:29:")
                .contains("cites section 'Early stopping' of note 'reg'")
                .contains("[Diagnosing overfitting, Remedies]");
    }

    @Test
    void referenceToMissingNoteIsReported() throws IOException {
        replace("questions/basics.yaml", "note: reg,", "note: regularisation,");

        assertThat(problems()).singleElement().asString().contains("cites note 'regularisation', which does not exist");
    }

    @Test
    void roundCitingMissingQuestionIsReported() throws IOException {
        replace("loops/loop-a.yaml", "      - q-one", "      - q-one\n      - q-two");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "loops/loop-a.yaml:13:")
                .contains("plans question 'q-two', which is not in the bank");
    }

    @Test
    void roundCitingMissingPersonaIsReported() throws IOException {
        replace("loops/loop-a.yaml", "persona: lead", "persona: director");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "loops/loop-a.yaml:8:")
                .contains("persona 'director', which is not in knowledge/personas/");
    }

    @Test
    void nonPositiveWeightIsReported() throws IOException {
        replace("questions/basics.yaml", "weight: 2", "weight: 0");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "questions/basics.yaml:12:")
                .contains("key point 'gap' has weight 0.0");
    }

    @Test
    void followUpTriggeredByUnknownKeyPointIsReported() throws IOException {
        replace("questions/basics.yaml", "trigger: missed:gap", "trigger: missed:curves");

        assertThat(problems()).singleElement().asString()
                .contains("follow-up 'probe-gap' is triggered by key point 'curves', which the question does not have");
    }

    @Test
    void misconceptionContradictingAKeyPointIsLinkedToIt() {
        // a contrary claim authored for a key point: a span that states it cannot evidence that point
        KnowledgeBase kb = KnowledgeLoader.load(root);
        assertThat(kb.question("q-one").orElseThrow().misconceptions().get(0).contradicts()).isNull();
    }

    @Test
    void misconceptionContradictingAnUnknownKeyPointIsReported() throws IOException {
        replace("questions/basics.yaml", "        correction: More epochs make it worse.\n",
                "        correction: More epochs make it worse.\n        contradicts: remedy\n");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "questions/basics.yaml:20:")
                .contains("misconception 'epochs' contradicts key point 'remedy', which the question does not have")
                .contains("gap").contains("remedies");
    }

    @Test
    void misconceptionContradictingAKnownKeyPointLoads() throws IOException {
        replace("questions/basics.yaml", "        correction: More epochs make it worse.\n",
                "        correction: More epochs make it worse.\n        contradicts: remedies\n");

        assertThat(KnowledgeLoader.load(root).question("q-one").orElseThrow().misconceptions().get(0).contradicts())
                .isEqualTo("remedies");
    }

    @Test
    void malformedTriggerIsReported() throws IOException {
        replace("questions/basics.yaml", "trigger: strong", "trigger: always");

        assertThat(problems()).singleElement().asString().contains("has trigger 'always'; use strong, weak");
    }

    @Test
    void fileThatIsNotUtf8IsNamed() throws IOException {
        Files.write(root.resolve("notes/latin1.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});

        assertThat(problems()).singleElement().asString()
                .isEqualTo(prefix() + "notes/latin1.md: is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void yamlSyntaxErrorGivesItsLine() throws IOException {
        replace("personas/lead.yaml", "pace: fast", "pace: [fast");

        assertThat(problems()).singleElement().asString().startsWith(prefix() + "personas/lead.yaml:");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        replace("questions/basics.yaml", "    prompt: How do you detect overfitting?\n", "");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "questions/basics.yaml:2:")
                .contains("question 'q-one' is missing 'prompt'");
    }

    @Test
    void duplicateHeadingInANoteIsReported() throws IOException {
        write("notes/reg.md", NOTE + "\n## Remedies\nAgain.\n");

        assertThat(problems()).singleElement().asString()
                .startsWith(prefix() + "notes/reg.md:9:")
                .contains("repeats an earlier heading");
    }

    @Test
    void missingFolderIsReported() {
        assertThatThrownBy(() -> KnowledgeLoader.load(root.resolve("nope")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        replace("questions/basics.yaml", "weight: 2", "weight: -1");
        replace("loops/loop-a.yaml", "persona: lead", "persona: nobody");

        assertThat(problems()).hasSize(2);
    }
}

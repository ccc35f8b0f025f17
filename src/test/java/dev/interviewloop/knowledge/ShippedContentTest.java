package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content shipped in {@code knowledge/} as a specification: what every loop, round, persona,
 * question and note must offer, and that the coverage table in {@code knowledge/README.md} matches
 * the loops and the question bank.
 */
class ShippedContentTest {

    static final Path KNOWLEDGE = Path.of("knowledge");

    static final List<String> ML_ROUNDS = List.of(
            "ml-fundamentals", "dl-recsys", "coding-project", "system-design-vision");

    static final List<String> DL_ROUNDS = List.of(
            "technical-screen", "coding-behavioral", "ml-system-design", "project-ml-design", "vision-research",
            "llm-basics-behavioral", "hiring-manager", "product-manager",
            "dl-fundamentals", "gpu-cuda", "problem-solving", "teamwork-culture");

    static final Set<String> PLACEHOLDERS = Set.of("prompt", "hint", "correction", "name", "role", "title");

    static KnowledgeBase kb;
    static List<CoverageRow> coverage;

    /** One row of the coverage table: a write-up's round and the bank questions it covers. */
    record CoverageRow(String writeup, String loop, String round, List<String> questions) {
    }

    @BeforeAll
    static void load() throws IOException {
        kb = KnowledgeLoader.load(KNOWLEDGE);
        coverage = parseCoverage(Files.readString(KNOWLEDGE.resolve("README.md"), StandardCharsets.UTF_8));
    }

    /** Reads the table under the "## Coverage" heading: write-up | loop | round | `question-id`, ... */
    static List<CoverageRow> parseCoverage(String readme) {
        List<CoverageRow> rows = new ArrayList<>();
        boolean inSection = false;
        Pattern id = Pattern.compile("`([a-z0-9][a-z0-9-]*)`");
        for (String line : readme.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("## ")) {
                inSection = trimmed.equals("## Coverage");
                continue;
            }
            if (!inSection || !trimmed.startsWith("|")) {
                continue;
            }
            String[] cells = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length())
                    .split("\\|", -1);
            if (cells.length != 4 || cells[0].strip().equals("write-up") || cells[0].strip().startsWith("---")) {
                continue;
            }
            List<String> questions = new ArrayList<>();
            Matcher m = id.matcher(cells[3]);
            while (m.find()) {
                questions.add(m.group(1));
            }
            rows.add(new CoverageRow(cells[0].strip(), cells[1].strip(), cells[2].strip(), questions));
        }
        return rows;
    }

    static Loop loop(String id) {
        return kb.loop(id).orElseThrow(() -> new AssertionError("no loop " + id));
    }

    // ---- the folder ---------------------------------------------------------------------------

    @Test
    void shippedFolderLoadsWithoutProblems() {
        assertThatCode(() -> KnowledgeLoader.load(KNOWLEDGE)).doesNotThrowAnyException();
        assertThat(kb.questions()).isNotEmpty();
        assertThat(kb.notes()).isNotEmpty();
    }

    @Test
    void bothLoopsExistWithTheRoundsOfTheirWriteUps() {
        Loop ml = loop("nvidia-ml-engineer");
        Loop dl = loop("nvidia-dl-engineer");

        assertThat(ml.source()).isEqualTo("nvidia-ml-engineer");
        assertThat(dl.source()).isEqualTo("nvidia-dl-engineer");
        assertThat(ml.rounds()).extracting(Round::id).containsExactlyElementsOf(ML_ROUNDS);
        assertThat(dl.rounds()).extracting(Round::id).containsExactlyElementsOf(DL_ROUNDS);
        assertThat(kb.sources()).containsKeys("nvidia-ml-engineer", "nvidia-dl-engineer");
    }

    @Test
    void everyRoundHasAPersonaADurationAndAPlanOfBankQuestions() {
        for (Loop loop : kb.loops()) {
            for (Round round : loop.rounds()) {
                String where = loop.id() + "/" + round.id();
                assertThat(kb.persona(round.persona())).as("persona of %s", where).isPresent();
                assertThat(round.durationMinutes()).as("duration of %s", where).isPositive();
                assertThat(round.questions()).as("plan of %s", where).isNotEmpty()
                        .allSatisfy(q -> assertThat(kb.question(q)).as("%s plans %s", where, q).isPresent());
                assertThat(round.budget()).as("budget of %s", where).isBetween(1, round.questions().size());
            }
        }
    }

    @Test
    void everyPersonaSpeaksEveryMoveWithKnownPlaceholdersAndHiresAtARealisticBar() {
        Pattern placeholder = Pattern.compile("\\{([a-z]+)}");
        for (Persona p : kb.personas().values()) {
            assertThat(p.bar()).as("bar of %s", p.id()).isBetween(3.0, 4.0);
            for (VoiceLine move : VoiceLine.values()) {
                assertThat(p.lines(move)).as("%s lines of %s", move.yamlName(), p.id()).isNotEmpty();
                for (String line : p.lines(move)) {
                    Matcher m = placeholder.matcher(line);
                    while (m.find()) {
                        assertThat(PLACEHOLDERS).as("placeholder in '%s' of %s", line, p.id()).contains(m.group(1));
                    }
                }
            }
            for (VoiceLine move : List.of(VoiceLine.ASK, VoiceLine.PROBE, VoiceLine.DRILL, VoiceLine.CLARIFY,
                    VoiceLine.FAILING_TESTS)) {
                assertThat(p.lines(move)).as("%s lines of %s carry the prompt", move.yamlName(), p.id())
                        .allSatisfy(line -> assertThat(line).contains("{prompt}"));
            }
            assertThat(p.lines(VoiceLine.HINT)).as("hint lines of %s", p.id())
                    .allSatisfy(line -> assertThat(line).contains("{hint}"));
            assertThat(p.lines(VoiceLine.CHALLENGE)).as("challenge lines of %s", p.id())
                    .allSatisfy(line -> assertThat(line).contains("{correction}"));
        }
    }

    @Test
    void everyRoundIsPlayedByItsOwnPersona() {
        List<String> personas = kb.loops().stream().flatMap(l -> l.rounds().stream()).map(Round::persona).toList();

        assertThat(personas).doesNotHaveDuplicates();
    }

    // ---- questions ----------------------------------------------------------------------------

    @Test
    void everyQuestionHasACompleteRubric() {
        for (Question q : kb.questions().values()) {
            String id = q.id();
            assertThat(q.keyPoints()).as("key points of %s", id).hasSizeBetween(3, 7);
            assertThat(q.hints()).as("hints of %s", id).hasSizeBetween(2, 3);
            assertThat(q.followUps()).as("follow-ups of %s", id).hasSizeBetween(2, 4);
            assertThat(q.misconceptions()).as("misconceptions of %s", id).hasSizeBetween(1, 10);
            assertThat(q.references()).as("references of %s", id).isNotEmpty();
            assertThat(q.modelAnswer()).as("model answer of %s", id).isNotBlank();
            assertThat(q.difficulty()).as("difficulty of %s", id).isBetween(1, 5);
            assertThat(q.topic()).as("topic of %s", id).matches("[a-z0-9][a-z0-9-]*");
        }
    }

    @Test
    void everyQuestionCarriesContraryClaimsForItsHeaviestKeyPoint() {
        for (Question q : kb.questions().values()) {
            List<Misconception> contrary = q.misconceptions().stream().filter(m -> m.contradicts() != null).toList();
            boolean storyOrCode = q.kind() == QuestionKind.BEHAVIORAL || q.kind() == QuestionKind.CODING;
            double heaviest = q.keyPoints().stream().mapToDouble(KeyPoint::weight).max().orElseThrow();
            Set<String> contradicted = contrary.stream().map(Misconception::contradicts).collect(Collectors.toSet());

            assertThat(contrary).as("contrary claims of %s (%s)", q.id(), q.kind().yamlName())
                    .hasSizeGreaterThanOrEqualTo(storyOrCode ? 1 : 3);
            assertThat(q.keyPoints()).as("a heaviest key point of %s has a contrary claim", q.id())
                    .anySatisfy(k -> assertThat(k.weight() == heaviest && contradicted.contains(k.id())).isTrue());
            assertThat(contrary).as("contrary claims of %s are one sentence each, as a candidate would say it", q.id())
                    .allSatisfy(m -> assertThat(m.statement().strip()).endsWith(".").doesNotContain(". "));
        }
    }

    @Test
    void everyReferencedSectionExists() {
        for (Question q : kb.questions().values()) {
            for (NoteRef ref : q.references()) {
                assertThat(kb.resolve(ref)).as("%s cites %s > %s", q.id(), ref.note(), ref.section()).isPresent();
            }
        }
    }

    @Test
    void everyNoteIsCitedByAtLeastOneQuestion() {
        Set<String> cited = kb.questions().values().stream()
                .flatMap(q -> q.references().stream()).map(NoteRef::note).collect(Collectors.toSet());

        assertThat(cited).containsAll(kb.notes().keySet());
    }

    @Test
    void everyFollowUpThatNamesABankQuestionPointsToAnotherQuestion() {
        for (Question q : kb.questions().values()) {
            for (FollowUp f : q.followUps()) {
                if (f.question() != null) {
                    assertThat(f.question()).as("follow-up %s of %s", f.id(), q.id()).isNotEqualTo(q.id());
                    assertThat(kb.question(f.question())).as("follow-up %s of %s", f.id(), q.id()).isPresent();
                }
            }
        }
    }

    @Test
    void everyQuestionComesFromARoundOfItsWriteUp() {
        for (Question q : kb.questions().values()) {
            assertThat(q.source()).as("source of %s", q.id()).isNotNull();
            Loop loop = kb.loops().stream().filter(l -> q.source().writeup().equals(l.source())).findFirst()
                    .orElseThrow(() -> new AssertionError(q.id() + " names write-up " + q.source().writeup()
                            + ", which no loop retells"));
            assertThat(loop.round(q.source().round())).as("round of %s", q.id()).isPresent();
        }
    }

    @Test
    void behaviouralQuestionsAreGradedWithStar() {
        List<Question> behavioural = kb.questions().values().stream()
                .filter(q -> q.kind() == QuestionKind.BEHAVIORAL).toList();

        assertThat(behavioural).isNotEmpty();
        for (Question q : behavioural) {
            String rubric = q.keyPoints().stream().map(KeyPoint::text).collect(Collectors.joining(" "))
                    .toLowerCase(Locale.ROOT);
            assertThat(rubric).as("STAR rubric of %s", q.id())
                    .contains("situation", "task", "action", "result", "reflection");
        }
    }

    @Test
    void codingQuestionsAreGradedOnCorrectnessEdgeCasesAndComplexity() {
        List<Question> coding = kb.questions().values().stream()
                .filter(q -> q.kind() == QuestionKind.CODING).toList();

        assertThat(coding).isNotEmpty();
        for (Question q : coding) {
            assertThat(q.keyPoints()).as("edge cases in %s", q.id())
                    .anySatisfy(k -> assertThat(k.text().toLowerCase(Locale.ROOT)).contains("edge case"));
            assertThat(q.keyPoints()).as("complexity in %s", q.id())
                    .anySatisfy(k -> assertThat(k.text()).contains("O("));
        }
    }

    // ---- the coverage table -------------------------------------------------------------------

    @Test
    void coverageTableNamesOnlyExistingWriteUpsLoopsRoundsAndQuestions() {
        assertThat(coverage).isNotEmpty();
        for (CoverageRow row : coverage) {
            assertThat(kb.sources()).as("write-up of row %s", row).containsKey(row.writeup());
            Loop loop = loop(row.loop());
            assertThat(loop.source()).as("loop %s retells %s", row.loop(), row.writeup()).isEqualTo(row.writeup());
            assertThat(loop.round(row.round())).as("round %s of %s", row.round(), row.loop()).isPresent();
            assertThat(row.questions()).as("questions of %s/%s", row.loop(), row.round()).isNotEmpty()
                    .allSatisfy(q -> assertThat(kb.question(q)).as("question %s", q).isPresent());
        }
    }

    @Test
    void coverageTableHasARowForEveryRoundOfEveryLoop() {
        Set<String> rows = coverage.stream().map(r -> r.loop() + "/" + r.round()).collect(Collectors.toSet());

        for (Loop loop : kb.loops()) {
            for (Round round : loop.rounds()) {
                assertThat(rows).as("coverage rows").contains(loop.id() + "/" + round.id());
            }
        }
        assertThat(coverage).extracting(r -> r.loop() + "/" + r.round()).doesNotHaveDuplicates();
    }

    @Test
    void everyBankQuestionAppearsInTheCoverageTable() {
        Set<String> listed = coverage.stream().flatMap(r -> r.questions().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(listed).containsAll(kb.questions().keySet());
    }

    @Test
    void coverageRowsListTheirRoundsPlanAndTheQuestionsSourcedFromThem() {
        for (CoverageRow row : coverage) {
            Round round = loop(row.loop()).round(row.round()).orElseThrow();
            assertThat(row.questions()).as("row %s/%s lists the plan", row.loop(), row.round())
                    .containsAll(round.questions());
        }
        for (Question q : kb.questions().values()) {
            assertThat(coverage).as("row of the round %s comes from", q.id()).anySatisfy(row -> {
                assertThat(row.writeup()).isEqualTo(q.source().writeup());
                assertThat(row.round()).isEqualTo(q.source().round());
                assertThat(row.questions()).contains(q.id());
            });
        }
    }

    @Test
    void coverageTableParserReadsBacktickedIdsOnly() {
        List<CoverageRow> rows = parseCoverage("""
                # Title
                ## Coverage
                | write-up | loop | round | questions |
                |---|---|---|---|
                | w | l | r | `a-1`, `b` (follow-up) |
                ## Next
                | w | l | r2 | `c` |
                """);

        assertThat(rows).containsExactly(new CoverageRow("w", "l", "r", List.of("a-1", "b")));
    }
}

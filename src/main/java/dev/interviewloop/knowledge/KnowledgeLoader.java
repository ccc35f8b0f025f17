package dev.interviewloop.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code knowledge/} and validates it as a whole. Every problem found is reported at once,
 * each with its file, line and what to do; any problem makes {@link #load} throw
 * {@link KnowledgeException}, so the service refuses to start on broken content.
 *
 * <pre>
 * knowledge/loops/*.yaml      one loop per file, its rounds inline
 * knowledge/personas/*.yaml   one persona per file
 * knowledge/questions/*.yaml  {@code questions:} a list of bank questions
 * knowledge/notes/*.md        reference notes; the file name is the note id
 * knowledge/sources/*.md      the interview write-ups retold; the file name is the write-up id
 * knowledge/coding/*.yaml     the tests of a coding question, and its reference solution beside it (*.py);
 *                             the file name is the question id
 * </pre>
 */
public final class KnowledgeLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TRIGGER = Pattern.compile("strong|weak|missed:[a-z0-9-]+|misconception:[a-z0-9-]+");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path root;
    private final List<Problem> problems = new ArrayList<>();

    private KnowledgeLoader(Path root) {
        this.root = root;
    }

    /** Loads and validates the folder; throws {@link KnowledgeException} listing every problem. */
    public static KnowledgeBase load(Path root) {
        return new KnowledgeLoader(root).run();
    }

    private record QuestionFile(List<Question> questions) {
        QuestionFile {
            questions = Lists.copy(questions);
        }
    }

    private record Located<T>(T value, YamlFile file, int line) {
    }

    /** A {@code knowledge/coding/*.yaml} file as written; the loader adds the question id and the solution. */
    private record CodingFile(String function, String signature, String starter, CodingTask.Inputs inputs,
                              CodingLimits limits, String complexity, String complexityFollowUp, Double tolerance,
                              String fixtures,
                              List<TestCase> cases) {
        CodingFile {
            cases = Lists.copy(cases);
        }
    }

    private KnowledgeBase run() {
        if (!Files.isDirectory(root)) {
            throw new KnowledgeException(List.of(new Problem(root.toString(), 0,
                    "the knowledge folder does not exist; point interview-loop.knowledge.dir at it")));
        }
        Map<String, Note> notes = readMarkdown("notes", Note.Kind.NOTE);
        Map<String, Note> sources = readMarkdown("sources", Note.Kind.SOURCE);
        Map<String, Located<Persona>> personas = readEach("personas", Persona.class, Persona::id, "persona");
        Map<String, Located<Loop>> loops = readEach("loops", Loop.class, Loop::id, "loop");
        Map<String, Located<Question>> questions = readQuestions();
        Map<String, Located<CodingFile>> codingFiles = readEach("coding", CodingFile.class, null, "coding tests");
        if (!problems.isEmpty()) {
            // Files that cannot be read would make every reference to them look dangling: report these first.
            throw new KnowledgeException(problems);
        }

        personas.values().forEach(this::checkPersona);
        questions.values().forEach(q -> checkQuestion(q, questions.keySet(), notes, sources));
        loops.values().forEach(l -> checkLoop(l, personas.keySet(), questions.keySet(), sources));
        Map<String, CodingTask> coding = checkCoding(codingFiles, questions);

        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        Map<String, Persona> personaMap = new LinkedHashMap<>();
        personas.forEach((id, p) -> personaMap.put(id, p.value()));
        Map<String, Question> questionMap = new LinkedHashMap<>();
        questions.forEach((id, q) -> questionMap.put(id, q.value()));
        List<Loop> loopList = loops.values().stream().map(Located::value).toList();
        return new KnowledgeBase(loopList, personaMap, questionMap, notes, sources, coding);
    }

    // ---- reading ---------------------------------------------------------------------------

    private List<Path> files(String folder, String extension) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String display(Path file) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return (name == null ? "" : name + "/") + root.relativize(file).toString().replace('\\', '/');
    }

    private String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(display(file), 0, "is not valid UTF-8; save it as UTF-8"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(display(file), 0, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private Map<String, Note> readMarkdown(String folder, Note.Kind kind) {
        Map<String, Note> out = new LinkedHashMap<>();
        for (Path file : files(folder, ".md")) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - 3);
            if (!ID.matcher(id).matches()) {
                problems.add(new Problem(display(file), 0, "file name '" + name
                        + "' is not a valid id; use lower-case letters, digits and dashes"));
                continue;
            }
            String text = readUtf8(file);
            if (text == null) {
                continue;
            }
            Markdown.Parsed parsed = Markdown.parse(text, id);
            if (parsed.sections().isEmpty()) {
                problems.add(new Problem(display(file), 1, "has no sections; add '## Heading' sections with text"));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Section s : parsed.sections()) {
                if (!seen.add(s.id())) {
                    problems.add(new Problem(display(file), s.line(), "heading '" + s.heading()
                            + "' repeats an earlier heading of this note; headings are cited by name, so make it unique"));
                }
            }
            out.put(id, new Note(id, parsed.title(), kind, display(file), parsed.sections()));
        }
        return out;
    }

    private <T> T parse(Path file, String text, Class<T> type) {
        try {
            return yaml.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            // Records are built after their whole object is read, so Jackson's location is the object's end;
            // the unknown key itself is easy to find in the text.
            int reported = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int line = new YamlFile(display(file), text.lines().toList()).lineOf(e.getPropertyName(), null, 1);
            problems.add(new Problem(display(file), line > 1 || reported == 0 ? line : reported,
                    "unknown field '" + e.getPropertyName() + "'; known fields are " + e.getKnownPropertyIds()));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(display(file), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage().lines().findFirst().orElse("cannot be parsed")));
        }
        return null;
    }

    private static String fileId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Reads each YAML file of a folder; {@code id} gives a value's id, or null to take the file name. */
    private <T> Map<String, Located<T>> readEach(String folder, Class<T> type, java.util.function.Function<T, String> id,
                                                 String what) {
        Map<String, Located<T>> out = new LinkedHashMap<>();
        for (Path file : files(folder, ".yaml")) {
            String text = readUtf8(file);
            if (text == null) {
                continue;
            }
            T value = parse(file, text, type);
            if (value == null) {
                continue;
            }
            YamlFile yamlFile = new YamlFile(display(file), text.lines().toList());
            String key = id == null ? fileId(file) : id.apply(value);
            if (!validId(yamlFile, 1, what, key)) {
                continue;
            }
            int line = id == null ? 1 : yamlFile.lineOf("id", key, 1);
            Located<T> previous = out.putIfAbsent(key, new Located<>(value, yamlFile, line));
            if (previous != null) {
                problems.add(new Problem(yamlFile.path(), line, what + " id '" + key + "' is already used in "
                        + previous.file().path() + ":" + previous.line() + "; ids must be unique"));
            }
        }
        return out;
    }

    private Map<String, Located<Question>> readQuestions() {
        Map<String, Located<Question>> out = new LinkedHashMap<>();
        for (Path file : files("questions", ".yaml")) {
            String text = readUtf8(file);
            if (text == null) {
                continue;
            }
            QuestionFile parsed = parse(file, text, QuestionFile.class);
            if (parsed == null) {
                continue;
            }
            YamlFile yamlFile = new YamlFile(display(file), text.lines().toList());
            int from = 1;
            for (Question q : parsed.questions()) {
                if (!validId(yamlFile, from, "question", q.id())) {
                    continue;
                }
                int line = yamlFile.lineOf("id", q.id(), from);
                from = line + 1;
                Located<Question> previous = out.putIfAbsent(q.id(), new Located<>(q, yamlFile, line));
                if (previous != null) {
                    problems.add(new Problem(yamlFile.path(), line, "question id '" + q.id() + "' is already used in "
                            + previous.file().path() + ":" + previous.line() + "; ids must be unique"));
                }
            }
        }
        return out;
    }

    private boolean validId(YamlFile file, int from, String what, String id) {
        if (id == null || id.isBlank()) {
            problems.add(new Problem(file.path(), from, what + " has no 'id'; add one (lower-case letters, digits, dashes)"));
            return false;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem(file.path(), file.lineOf("id", id, from), what + " id '" + id
                    + "' is not valid; use lower-case letters, digits and dashes"));
            return false;
        }
        return true;
    }

    // ---- checking --------------------------------------------------------------------------

    private void require(YamlFile file, int line, String what, String field, Object value) {
        boolean missing = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof java.util.Collection<?> c && c.isEmpty());
        if (missing) {
            problems.add(new Problem(file.path(), line, what + " is missing '" + field + "'; add it"));
        }
    }

    private void checkPersona(Located<Persona> located) {
        Persona p = located.value();
        YamlFile f = located.file();
        String what = "persona '" + p.id() + "'";
        require(f, located.line(), what, "name", p.name());
        require(f, located.line(), what, "role", p.role());
        require(f, located.line(), what, "tone", p.tone());
        require(f, located.line(), what, "pace", p.pace());
        require(f, located.line(), what, "opening", p.opening());
        if (p.bar() <= 0 || p.bar() > 5) {
            problems.add(new Problem(f.path(), f.lineOf("bar", null, located.line()), what
                    + " has bar " + p.bar() + "; set 'bar' to the average score (above 0, at most 5) this interviewer hires at"));
        }
        for (VoiceLine line : List.of(VoiceLine.OPENING, VoiceLine.ASK, VoiceLine.CLOSING)) {
            if (p.lines(line).isEmpty()) {
                problems.add(new Problem(f.path(), f.lineOf("voice", null, located.line()), what
                        + " has no '" + line.yamlName() + "' lines under 'voice'; add at least one"));
            }
        }
    }

    private void checkQuestion(Located<Question> located, Set<String> questionIds, Map<String, Note> notes,
                               Map<String, Note> sources) {
        Question q = located.value();
        YamlFile f = located.file();
        int line = located.line();
        String what = "question '" + q.id() + "'";
        require(f, line, what, "topic", q.topic());
        require(f, line, what, "title", q.title());
        require(f, line, what, "prompt", q.prompt());
        require(f, line, what, "kind", q.kind());
        require(f, line, what, "keyPoints", q.keyPoints());
        require(f, line, what, "references", q.references());
        Set<String> pointIds = new HashSet<>();
        for (KeyPoint k : q.keyPoints()) {
            int at = k.id() == null ? line : f.lineOf("id", k.id(), line);
            if (k.id() == null || !ID.matcher(k.id()).matches()) {
                problems.add(new Problem(f.path(), at, what + " has a key point without a valid 'id'"));
            } else if (!pointIds.add(k.id())) {
                problems.add(new Problem(f.path(), at, what + " has two key points with id '" + k.id() + "'"));
            }
            require(f, at, what + " key point '" + k.id() + "'", "text", k.text());
            if (!(k.weight() > 0) || k.weight() > 10) {
                problems.add(new Problem(f.path(), f.lineOf("weight", null, at), what + " key point '" + k.id()
                        + "' has weight " + k.weight() + "; weights are numbers above 0 and at most 10"));
            }
        }
        Set<String> misconceptionIds = new HashSet<>();
        for (Misconception m : q.misconceptions()) {
            int at = m.id() == null ? line : f.lineOf("id", m.id(), line);
            if (m.id() == null || !ID.matcher(m.id()).matches() || !misconceptionIds.add(m.id())) {
                problems.add(new Problem(f.path(), at, what + " has a misconception without a unique valid 'id'"));
            }
            require(f, at, what + " misconception '" + m.id() + "'", "statement", m.statement());
            require(f, at, what + " misconception '" + m.id() + "'", "correction", m.correction());
            if (m.contradicts() != null && !pointIds.contains(m.contradicts())) {
                problems.add(new Problem(f.path(), f.lineOf("contradicts", m.contradicts(), at), what + " misconception '" + m.id()
                        + "' contradicts key point '" + m.contradicts() + "', which the question does not have; known: " + pointIds));
            }
        }
        for (FollowUp fu : q.followUps()) {
            int at = fu.id() == null ? line : f.lineOf("id", fu.id(), line);
            require(f, at, what + " follow-up '" + fu.id() + "'", "prompt", fu.prompt());
            if (fu.trigger() == null || !TRIGGER.matcher(fu.trigger()).matches()) {
                problems.add(new Problem(f.path(), at, what + " follow-up '" + fu.id() + "' has trigger '" + fu.trigger()
                        + "'; use strong, weak, missed:<key point id> or misconception:<misconception id>"));
            } else if (fu.on() == FollowUp.On.MISSED && !pointIds.contains(fu.target())) {
                problems.add(new Problem(f.path(), f.lineOf("trigger", fu.trigger(), at), what + " follow-up '" + fu.id()
                        + "' is triggered by key point '" + fu.target() + "', which the question does not have; known: " + pointIds));
            } else if (fu.on() == FollowUp.On.MISCONCEPTION && !misconceptionIds.contains(fu.target())) {
                problems.add(new Problem(f.path(), f.lineOf("trigger", fu.trigger(), at), what + " follow-up '" + fu.id()
                        + "' is triggered by misconception '" + fu.target() + "', which the question does not have; known: "
                        + misconceptionIds));
            }
            if (fu.question() != null && !questionIds.contains(fu.question())) {
                problems.add(new Problem(f.path(), f.lineOf("question", fu.question(), at), what + " follow-up '" + fu.id()
                        + "' points to question '" + fu.question() + "', which is not in the bank; add it or remove 'question'"));
            }
        }
        for (NoteRef ref : q.references()) {
            int at = f.lineOf("note", ref.note(), line);
            Note note = ref.note() == null ? null : notes.get(ref.note());
            if (note == null) {
                problems.add(new Problem(f.path(), at, what + " cites note '" + ref.note()
                        + "', which does not exist; add knowledge/notes/" + ref.note() + ".md or fix the reference"));
            } else if (ref.section() == null || note.section(ref.sectionId()).isEmpty()) {
                problems.add(new Problem(f.path(), at, what + " cites section '" + ref.section() + "' of note '"
                        + ref.note() + "', which has no such heading; headings there are "
                        + note.sections().stream().map(Section::heading).toList()));
            }
        }
        if (q.source() != null && q.source().writeup() != null && !sources.containsKey(q.source().writeup())) {
            problems.add(new Problem(f.path(), f.lineOf("writeup", q.source().writeup(), line), what
                    + " names write-up '" + q.source().writeup() + "', which is not in knowledge/sources/"));
        }
        if (q.difficulty() < 0 || q.difficulty() > 5) {
            problems.add(new Problem(f.path(), f.lineOf("difficulty", null, line), what
                    + " has difficulty " + q.difficulty() + "; use 1 (easy) to 5 (hard)"));
        }
    }

    private void checkLoop(Located<Loop> located, Set<String> personaIds, Set<String> questionIds,
                           Map<String, Note> sources) {
        Loop loop = located.value();
        YamlFile f = located.file();
        String what = "loop '" + loop.id() + "'";
        require(f, located.line(), what, "title", loop.title());
        require(f, located.line(), what, "rounds", loop.rounds());
        if (loop.source() != null && !sources.containsKey(loop.source())) {
            problems.add(new Problem(f.path(), f.lineOf("source", loop.source(), located.line()), what
                    + " names write-up '" + loop.source() + "', which is not in knowledge/sources/"));
        }
        Set<String> roundIds = new HashSet<>();
        int from = located.line();
        for (Round round : loop.rounds()) {
            if (!validId(f, from, what + " round", round.id())) {
                continue;
            }
            int at = f.lineOf("id", round.id(), from);
            from = at + 1;
            String r = what + " round '" + round.id() + "'";
            if (!roundIds.add(round.id())) {
                problems.add(new Problem(f.path(), at, r + " is listed twice; round ids must be unique within a loop"));
            }
            require(f, at, r, "title", round.title());
            require(f, at, r, "questions", round.questions());
            if (round.persona() == null || !personaIds.contains(round.persona())) {
                problems.add(new Problem(f.path(), f.lineOf("persona", round.persona(), at), r + " is played by persona '"
                        + round.persona() + "', which is not in knowledge/personas/; known: " + personaIds));
            }
            if (round.durationMinutes() <= 0) {
                problems.add(new Problem(f.path(), at, r + " needs 'durationMinutes' above 0"));
            }
            if (round.questionBudget() < 0 || round.questionBudget() > round.questions().size()) {
                problems.add(new Problem(f.path(), f.lineOf("questionBudget", null, at), r + " has questionBudget "
                        + round.questionBudget() + " but plans " + round.questions().size() + " questions"));
            }
            Set<String> planned = new HashSet<>();
            for (String qid : round.questions()) {
                if (!questionIds.contains(qid)) {
                    problems.add(new Problem(f.path(), f.lineContaining(qid, at), r + " plans question '" + qid
                            + "', which is not in the bank (knowledge/questions/)"));
                } else if (!planned.add(qid)) {
                    problems.add(new Problem(f.path(), f.lineContaining(qid, at), r + " plans question '" + qid + "' twice"));
                }
            }
        }
    }

    // ---- coding tests ---------------------------------------------------------------------------

    private Map<String, CodingTask> checkCoding(Map<String, Located<CodingFile>> files,
                                                Map<String, Located<Question>> questions) {
        Map<String, CodingTask> out = new LinkedHashMap<>();
        files.forEach((id, located) -> {
            CodingTask task = checkCodingFile(id, located, questions.get(id));
            if (task != null) {
                out.put(id, task);
            }
        });
        questions.values().stream()
                .filter(q -> q.value().kind() == QuestionKind.CODING && !files.containsKey(q.value().id()))
                .forEach(q -> problems.add(new Problem(q.file().path(), q.line(), "coding question '" + q.value().id()
                        + "' has no tests; add knowledge/coding/" + q.value().id() + ".yaml and its reference solution "
                        + q.value().id() + ".py (see knowledge/README.md, 'Coding tests')")));
        for (Path py : files("coding", ".py")) {
            if (!files.containsKey(fileId(py))) {
                problems.add(new Problem(display(py), 0, "is a reference solution without tests; add "
                        + fileId(py) + ".yaml beside it, or remove it"));
            }
        }
        return out;
    }

    private CodingTask checkCodingFile(String id, Located<CodingFile> located, Located<Question> question) {
        CodingFile c = located.value();
        YamlFile f = located.file();
        String what = "the tests of '" + id + "'";
        int before = problems.size();
        if (question == null || question.value().kind() != QuestionKind.CODING) {
            problems.add(new Problem(f.path(), 1, what + " belong to no coding question: the file name is the id of a "
                    + "bank question of kind 'coding'" + (question == null ? " and no question has this id"
                    : ", and '" + id + "' is of kind '" + question.value().kind().yamlName() + "'")));
            return null;
        }
        Set<String> pointIds = new HashSet<>();
        question.value().keyPoints().forEach(k -> pointIds.add(k.id()));
        if (c.function() == null || !PYTHON_NAME.matcher(c.function()).matches()) {
            problems.add(new Problem(f.path(), f.lineOf("function", null, 1), what + " need 'function': the name "
                    + "of the Python function the tests call, such as min_distance"));
        } else if (c.signature() == null || !c.signature().strip().startsWith("def " + c.function() + "(")) {
            problems.add(new Problem(f.path(), f.lineOf("signature", null, 1), what + " need 'signature': the def "
                    + "line of '" + c.function() + "', such as \"def " + c.function() + "(word1: str, word2: str) -> int\""));
        } else if (c.starter() != null && !c.starter().contains("def " + c.function() + "(")) {
            problems.add(new Problem(f.path(), f.lineOf("starter", null, 1), what + " have a 'starter' that does not "
                    + "define " + c.function() + "; start it with the signature"));
        }
        CodingLimits limits = c.limits();
        if (limits == null || !(limits.seconds() > 0) || limits.seconds() > 30 || limits.memoryMb() < 16
                || limits.memoryMb() > 4096) {
            problems.add(new Problem(f.path(), f.lineOf("limits", null, 1), what + " need 'limits' with 'seconds' "
                    + "(CPU seconds per case, above 0, at most 30) and 'memoryMb' (16 to 4096)"));
        }
        double tolerance = c.tolerance() == null ? 1e-9 : c.tolerance();
        if (tolerance < 0 || tolerance >= 1) {
            problems.add(new Problem(f.path(), f.lineOf("tolerance", null, 1), what + " have tolerance " + tolerance
                    + "; use a small number such as 1.0e-6, or leave it out (1.0e-9)"));
        }
        Set<String> names = new HashSet<>();
        int from = 1;
        boolean anyVisible = false;
        boolean anyHidden = false;
        boolean anyComplexity = false;
        for (TestCase t : c.cases()) {
            if (t.name() == null || !ID.matcher(t.name()).matches()) {
                problems.add(new Problem(f.path(), f.lineOf("cases", null, from), what + " have a case without a valid "
                        + "'name' (lower-case letters, digits and dashes)"));
                continue;
            }
            int at = f.lineOf("name", t.name(), from);
            from = at + 1;
            String tc = what + ", case '" + t.name() + "',";
            if (!names.add(t.name())) {
                problems.add(new Problem(f.path(), at, tc + " repeats an earlier case's name; names must be unique"));
            }
            anyVisible |= !t.hidden();
            anyHidden |= t.hidden();
            anyComplexity |= t.check() == TestCase.Check.COMPLEXITY;
            if ((t.args() == null) == (t.argsCode() == null || t.argsCode().isBlank())) {
                problems.add(new Problem(f.path(), at, tc + " needs exactly one of 'args' (the arguments as a list) and "
                        + "'argsCode' (a Python expression that builds them)"));
            } else if (t.args() != null && !t.args().isArray()) {
                problems.add(new Problem(f.path(), f.lineOf("args", null, at), tc + " has 'args' that are not a list; "
                        + "write the arguments as a list, such as [\"horse\", \"ros\"]"));
            }
            if ((t.expected() == null) == t.oneOf().isEmpty() || t.oneOf().size() == 1) {
                problems.add(new Problem(f.path(), at, tc + " needs exactly one of 'expected' (the result) and 'oneOf' "
                        + "(two or more results, any of which passes)"));
            }
            if (t.keyPoint() != null && !pointIds.contains(t.keyPoint())) {
                problems.add(new Problem(f.path(), f.lineOf("keyPoint", t.keyPoint(), at), tc + " names key point '"
                        + t.keyPoint() + "', which question '" + id + "' does not have; known: " + pointIds));
            }
            if (t.seconds() != null && (!(t.seconds() > 0) || t.seconds() > 60)) {
                problems.add(new Problem(f.path(), f.lineOf("seconds", null, at), tc + " has seconds " + t.seconds()
                        + "; use a number above 0 and at most 60"));
            }
            if (t.maxMemoryMb() != null && limits != null && (t.maxMemoryMb() < 1 || t.maxMemoryMb() > limits.memoryMb())) {
                problems.add(new Problem(f.path(), f.lineOf("maxMemoryMb", null, at), tc + " has maxMemoryMb "
                        + t.maxMemoryMb() + "; use 1 to the file's memoryMb (" + limits.memoryMb() + ")"));
            }
        }
        if (!anyVisible || !anyHidden) {
            problems.add(new Problem(f.path(), f.lineOf("cases", null, 1), what + " need at least one visible example "
                    + "and one hidden case (hidden: true)"));
        }
        boolean asksComplexity = c.complexity() != null && !c.complexity().isBlank();
        if (anyComplexity != asksComplexity) {
            problems.add(new Problem(f.path(), f.lineOf(asksComplexity ? "complexity" : "check", null, 1), what
                    + (asksComplexity ? " state a 'complexity' requirement but no case checks it; add a case with "
                    + "'check: complexity' and its limit (seconds or maxMemoryMb)"
                    : " have a case with 'check: complexity' but no 'complexity' saying what it checks; add it")));
        }
        if (c.complexityFollowUp() != null && (!asksComplexity || question.value().followUps().stream()
                .noneMatch(fu -> fu.id().equals(c.complexityFollowUp())))) {
            problems.add(new Problem(f.path(), f.lineOf("complexityFollowUp", null, 1), what + " name complexityFollowUp '"
                    + c.complexityFollowUp() + "', which needs a 'complexity' requirement and a follow-up of question '"
                    + id + "' with that id; its follow-ups: " + question.value().followUps().stream().map(FollowUp::id).toList()));
        }
        Path solutionFile = root.resolve("coding").resolve(id + ".py");
        String solution = Files.isRegularFile(solutionFile) ? readUtf8(solutionFile) : null;
        if (solution == null) {
            problems.add(new Problem(f.path(), 1, what + " have no reference solution; add knowledge/coding/" + id
                    + ".py, which a test runs against every case"));
        } else if (c.function() != null && !solution.contains("def " + c.function() + "(")) {
            problems.add(new Problem(display(solutionFile), 1, "the reference solution of '" + id + "' does not define "
                    + c.function() + "()"));
        }
        if (problems.size() > before) {
            return null;
        }
        String signature = c.signature().strip();
        String starter = c.starter() != null ? c.starter()
                : signature + (signature.endsWith(":") ? "" : ":") + "\n    ...\n";
        return new CodingTask(id, c.function(), signature, starter,
                c.inputs() == null ? CodingTask.Inputs.LISTS : c.inputs(), limits, asksComplexity ? c.complexity().strip()
                : null, c.complexityFollowUp(), tolerance, c.fixtures(), c.cases(), solution, f.path());
    }
}

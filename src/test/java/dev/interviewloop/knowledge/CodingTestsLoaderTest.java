package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader checks a coding question's tests ({@code knowledge/coding/}) and names the file and line of a problem. */
class CodingTestsLoaderTest {

    static final String CODING_QUESTION = """
            questions:
              - id: add-two
                topic: coding
                title: Adding
                prompt: Add two numbers.
                kind: coding
                difficulty: 1
                keyPoints:
                  - id: sum
                    text: Returns a + b.
                    weight: 1
                followUps:
                  - id: faster
                    trigger: strong
                    prompt: Can it be faster?
                references:
                  - {note: reg, section: Remedies}
            """;

    static final String TESTS = """
            function: add
            signature: "def add(a, b)"
            limits: {seconds: 1, memoryMb: 64}
            cases:
              - name: small
                args: [1, 2]
                expected: 3
              - name: negative
                hidden: true
                args: [-1, -2]
                expected: -3
                keyPoint: sum
            """;

    @TempDir
    Path root;

    @BeforeEach
    void writeValidTree() throws IOException {
        write("personas/lead.yaml", KnowledgeLoaderTest.PERSONA);
        write("loops/loop-a.yaml", KnowledgeLoaderTest.LOOP);
        write("questions/basics.yaml", KnowledgeLoaderTest.QUESTIONS);
        write("questions/coding.yaml", CODING_QUESTION);
        write("notes/reg.md", KnowledgeLoaderTest.NOTE);
        write("sources/story.md", "# A story\n\n## Round 1\nIt went fast.\n");
        write("coding/add-two.yaml", TESTS);
        write("coding/add-two.py", "def add(a, b):\n    return a + b\n");
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

    String file(String relative) {
        return root.getFileName() + "/" + relative;
    }

    @Test
    void validTestsLoadWithTheirSolution() {
        CodingTask task = KnowledgeLoader.load(root).coding("add-two").orElseThrow();

        assertThat(task.function()).isEqualTo("add");
        assertThat(task.cases()).extracting(TestCase::name).containsExactly("small", "negative");
        assertThat(task.visible()).extracting(TestCase::name).containsExactly("small");
        assertThat(task.solution()).contains("return a + b");
        assertThat(task.starter()).isEqualTo("def add(a, b):\n    ...\n");
        assertThat(task.complexity()).isNull();
    }

    @Test
    void aCodingQuestionWithoutTestsIsReported() throws IOException {
        Files.delete(root.resolve("coding/add-two.yaml"));
        Files.delete(root.resolve("coding/add-two.py"));

        assertThat(problems()).singleElement().asString().startsWith(file("questions/coding.yaml") + ":2:")
                .contains("coding question 'add-two' has no tests; add knowledge/coding/add-two.yaml");
    }

    @Test
    void testsForAQuestionThatIsNotCodingAreReported() throws IOException {
        write("coding/q-one.yaml", TESTS);
        write("coding/q-one.py", "def add(a, b):\n    return a + b\n");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/q-one.yaml") + ":1:")
                .contains("'q-one' is of kind 'concept'");
    }

    @Test
    void aMissingReferenceSolutionIsReported() throws IOException {
        Files.delete(root.resolve("coding/add-two.py"));

        assertThat(problems()).singleElement().asString().contains("have no reference solution; add knowledge/coding/add-two.py");
    }

    @Test
    void aCaseWithBothArgsAndArgsCodeNamesItsLine() throws IOException {
        replace("coding/add-two.yaml", "    args: [1, 2]\n", "    args: [1, 2]\n    argsCode: \"(1, 2)\"\n");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/add-two.yaml") + ":5:")
                .contains("case 'small', needs exactly one of 'args'");
    }

    @Test
    void aCaseNamingAnUnknownKeyPointIsReported() throws IOException {
        replace("coding/add-two.yaml", "keyPoint: sum", "keyPoint: total");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/add-two.yaml") + ":12:")
                .contains("names key point 'total', which question 'add-two' does not have");
    }

    @Test
    void testsWithoutAHiddenCaseAreReported() throws IOException {
        replace("coding/add-two.yaml", "    hidden: true\n", "");

        assertThat(problems()).singleElement().asString().contains("need at least one visible example and one hidden case");
    }

    @Test
    void aComplexityCaseNeedsTheRequirementStated() throws IOException {
        replace("coding/add-two.yaml", "    hidden: true\n", "    hidden: true\n    check: complexity\n");

        assertThat(problems()).singleElement().asString()
                .contains("have a case with 'check: complexity' but no 'complexity' saying what it checks");
    }

    @Test
    void anUnknownCheckIsNamedWithItsLine() throws IOException {
        replace("coding/add-two.yaml", "    hidden: true\n", "    hidden: true\n    check: speed\n");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/add-two.yaml"))
                .contains("unknown check 'speed'");
    }

    @Test
    void aSignatureOfAnotherFunctionIsReported() throws IOException {
        replace("coding/add-two.yaml", "signature: \"def add(a, b)\"", "signature: \"def plus(a, b)\"");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/add-two.yaml") + ":2:")
                .contains("need 'signature': the def line of 'add'");
    }

    @Test
    void aReferenceSolutionWithoutTestsIsReported() throws IOException {
        write("coding/stray.py", "def f():\n    pass\n");

        assertThat(problems()).singleElement().asString().startsWith(file("coding/stray.py"))
                .contains("is a reference solution without tests");
    }
}

package dev.interviewloop.coding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /api/grade on a coding question runs the code: correctness from the tests dominates the grade, the complexity
 * requirement comes next, and the response carries the run with hidden cases reduced to pass or fail.
 */
@QuarkusTest
class CodingGradeTest {

    private static JsonPath grade(String answer) {
        return given().contentType(ContentType.JSON).body(Map.of("questionId", "edit-distance", "answer", answer))
                .when().post("/api/grade").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCorrectOneRowSolutionPassesEveryCaseAndTheComplexityCheck() {
        JsonPath g = grade(CodingAnswers.ONE_ROW);

        assertThat(g.getString("grader")).isEqualTo("rubric+tests");
        assertThat(g.getString("execution.language")).isEqualTo("python");
        assertThat(g.getInt("execution.passed")).isEqualTo(g.getInt("execution.total")).isEqualTo(9);
        assertThat(g.getBoolean("execution.complexity.passed")).isTrue();
        assertThat(g.getFloat("score")).isGreaterThanOrEqualTo(4.5f);
        assertThat(g.getString("feedback")).startsWith("Tests: 9 of 9 passed.").contains("Complexity met");
    }

    @Test
    void theBrokenSolutionOfTheIssueScoresLowAndTheFeedbackNamesTheFirstFailingCase() {
        JsonPath g = grade(CodingAnswers.BROKEN);

        assertThat(g.getInt("execution.passed")).isLessThan(3);
        assertThat(g.getFloat("score")).isLessThanOrEqualTo(1.5f);
        assertThat(g.getString("feedback")).contains("the first failing case is 'horse-ros': "
                + "min_distance(\"horse\", \"ros\") returned");
        // the rubric would credit the stated base cases; the failing empty-string cases contradict them
        assertThat(g.getString("keyPoints.find { it.id == 'base-cases' }.verdict")).isEqualTo("MISSED");
        assertThat(g.getString("keyPoints.find { it.id == 'base-cases' }.reason")).contains("the test 'empty-first' fails");
    }

    @Test
    void aFullTableIsCorrectButMissesTheComplexityRequirement() {
        JsonPath g = grade(CodingAnswers.FULL_TABLE);

        assertThat(g.getInt("execution.passed")).isEqualTo(9);
        assertThat(g.getBoolean("execution.complexity.passed")).isFalse();
        assertThat(g.getString("execution.complexity.detail")).contains("long-words").contains("MemoryError");
        assertThat(g.getFloat("score")).isBetween(3.0f, 4.0f);
    }

    @Test
    void hiddenCasesShowOnlyWhetherTheyPassed() {
        JsonPath g = grade(CodingAnswers.BROKEN);

        List<Map<String, Object>> hidden = g.getList("execution.cases.findAll { it.hidden }");
        assertThat(hidden).isNotEmpty().allSatisfy(c -> assertThat(c.keySet())
                .containsExactlyInAnyOrder("name", "hidden", "check", "passed", "cpuMs"));
        Map<String, Object> visible = g.getMap("execution.cases[0]");
        assertThat(visible).containsKeys("input", "expected", "got", "error");
    }

    @Test
    void anAnswerWithoutCodeIsGradedOnItsWordsAndSaysSo() {
        JsonPath g = grade("I would use dynamic programming over prefixes with dp[i][j].");

        assertThat(g.getString("execution.status")).isEqualTo("no-code");
        assertThat(g.getString("grader")).isEqualTo("rubric");
        assertThat(g.getString("feedback")).startsWith("No code was found in the answer");
    }

    @Test
    void aConceptQuestionHasNoExecution() {
        JsonPath g = given().contentType(ContentType.JSON)
                .body(Map.of("questionId", "overfitting-detection", "answer", "validation loss rises"))
                .when().post("/api/grade").then().statusCode(200).extract().jsonPath();

        assertThat(g.getMap("$")).doesNotContainKey("execution");
    }
}

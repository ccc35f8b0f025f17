package dev.interviewloop.coding;

import dev.interviewloop.grading.GradeOutcome;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.TestCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Coding questions for the rest of the application: runs the code of an answer against its question's tests, and
 * grades a coding answer by tests and rubric together ({@link TestedGrades}).
 */
@ApplicationScoped
public class CodingService {

    private final KnowledgeBase knowledge;
    private final CodeRunner runner;

    public CodingService(KnowledgeBase knowledge, CodeRunner runner) {
        this.knowledge = knowledge;
        this.runner = runner;
    }

    /** The tests of a question, when it is a coding question that has them. */
    public Optional<CodingTask> task(Question question) {
        return question == null ? Optional.empty() : knowledge.coding(question.id());
    }

    /** Runs the code found in {@code answer} against the task's cases in {@code scope}. */
    public Execution run(CodingTask task, String answer, CodeRunner.Scope scope) {
        Optional<String> code = CodeBlocks.extract(answer, task.function());
        if (code.isEmpty()) {
            int total = (int) (scope == CodeRunner.Scope.ALL ? task.cases() : task.visible()).stream()
                    .filter(c -> c.check() == TestCase.Check.CORRECTNESS).count();
            return Execution.notRun(Execution.Status.NO_CODE, "no code found: write it in a ```python block (or in "
                    + "code mode) defining " + task.signature(), scope.name().toLowerCase(java.util.Locale.ROOT),
                    total, null);
        }
        return runner.run(task, code.get(), scope);
    }

    /**
     * Grades an answer with {@code grader}; for a coding question with tests, also runs every case and combines
     * both into the grade ({@link TestedGrades#combine}).
     */
    public Tested grade(GradingRequest request, Grader grader) {
        GradeOutcome rubric = grader.gradeWithNotice(request);
        Optional<CodingTask> task = task(request.question());
        if (task.isEmpty()) {
            return new Tested(new TestedGrade(rubric.grade(), null), rubric.notice());
        }
        Execution execution = run(task.get(), request.answer(), CodeRunner.Scope.ALL);
        return new Tested(new TestedGrade(TestedGrades.combine(rubric.grade(), execution, task.get()), execution),
                rubric.notice());
    }

    /** A tested grade, and the grader's notice when part of the grading fell back (see {@link GradeOutcome}). */
    public record Tested(TestedGrade grade, String notice) {
    }

    public CodeRunner runner() {
        return runner;
    }
}

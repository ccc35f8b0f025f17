package dev.interviewloop.llm;

import dev.interviewloop.grading.Citation;
import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.GradeOutcome;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.GradingService;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Text;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grader the application uses (it replaces the engine's default rubric-only grader, and serves
 * {@code POST /api/grade}). Without an LLM it is the rubric grader. With one, every answer
 * is graded by both and the grades are combined ({@code llm+rubric}): the score is their mean (a
 * non-answer the rubric grader caught stays at its score), and a gap of {@value #DISAGREEMENT}
 * points or more is called out in the feedback. When the LLM grader fails, the rubric grade stands
 * alone and its feedback opens with a notice saying so. Every final grade is counted by grader
 * ({@code interview_loop.grades}).
 */
@Singleton
public class CombinedGrader implements Grader {

    /** A score gap this large between the two graders is flagged in the feedback. */
    public static final double DISAGREEMENT = 1.5;

    /** Flags that mean nothing usable was said: the LLM cannot lift such a grade. */
    static final Set<Flag> NON_ANSWERS = Set.of(Flag.EMPTY, Flag.NON_ANSWER, Flag.GIBBERISH);

    private final Grader rubric;
    private final LlmGrader llm;
    private final KnowledgeBase knowledge;
    private final MeterRegistry registry;

    @Inject
    public CombinedGrader(GradingService rubric, LlmGrader llm, KnowledgeBase knowledge, MeterRegistry registry) {
        this(rubric::grade, llm, knowledge, registry);
    }

    CombinedGrader(Grader rubric, LlmGrader llm, KnowledgeBase knowledge, MeterRegistry registry) {
        this.rubric = rubric;
        this.llm = llm;
        this.knowledge = knowledge;
        this.registry = registry;
    }

    @Override
    public Grade grade(GradingRequest request) {
        return gradeWithNotice(request).grade();
    }

    @Override
    public GradeOutcome gradeWithNotice(GradingRequest request) {
        Grade base = rubric.grade(request);
        if (!llm.enabled()) {
            return counted(GradeOutcome.of(base));
        }
        try {
            LlmGrade second = llm.gradeWithDetail(forLlm(request, base));
            return counted(GradeOutcome.of(combine(base, second.grade())));
        } catch (LlmException e) {
            String notice = "The LLM grader is unavailable (" + e.getMessage() + "); this answer was graded by the "
                    + "rubric grader alone.";
            return counted(new GradeOutcome(withFeedbackPrefix(base, notice), notice));
        }
    }

    /** Free text the rubric grader matched to a bank question is graded by the LLM against that question too. */
    private GradingRequest forLlm(GradingRequest request, Grade base) {
        if (request.question() == null && base.questionId() != null && request.reference() == null) {
            return knowledge.question(base.questionId()).map(q -> GradingRequest.of(q, request.answer())).orElse(request);
        }
        return request;
    }

    private GradeOutcome counted(GradeOutcome outcome) {
        registry.counter("interview_loop.grades", "grader", outcome.grade().grader()).increment();
        return outcome;
    }

    /** The two grades as one {@code llm+rubric} grade. */
    static Grade combine(Grade rubric, Grade llm) {
        boolean nonAnswer = rubric.flags().stream().anyMatch(NON_ANSWERS::contains);
        double score = nonAnswer ? rubric.score() : halfStepDown((rubric.score() + llm.score()) / 2);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(rubric.flags());
        flags.addAll(llm.flags());
        if (!rubric.flags().contains(Flag.NO_RUBRIC) && rubric.questionId() != null) {
            flags.remove(Flag.NO_RUBRIC);
        }
        String feedback = llm.feedback().isBlank() ? rubric.feedback() : llm.feedback();
        double gap = Math.abs(rubric.score() - llm.score());
        if (gap >= DISAGREEMENT) {
            feedback = feedback + "\n\nThe two graders disagree: the LLM grader gave " + format(llm.score())
                    + "/5 and the rubric grader " + format(rubric.score()) + "/5"
                    + (nonAnswer ? "; the rubric grader found no usable answer, so its score stands."
                            : "; the score is their mean. Check the evidence quoted for each point.");
        }
        return new Grade(score, LlmMode.GRADER_COMBINED, rubric.basis(), rubric.questionId(),
                keyPoints(rubric.keyPoints(), llm.keyPoints()), misconceptions(rubric.misconceptions(), llm.misconceptions()),
                flags, feedback, rubric.modelAnswer().isBlank() ? llm.modelAnswer() : rubric.modelAnswer(),
                references(rubric.references(), llm.references()));
    }

    /**
     * Per rubric point, the stronger verdict that has the answer's words as evidence (both graders quote
     * the answer, so either verdict is backed); the reason says when the graders differed.
     */
    static List<KeyPointResult> keyPoints(List<KeyPointResult> rubric, List<KeyPointResult> llm) {
        if (rubric.isEmpty()) {
            return llm;
        }
        Map<String, KeyPointResult> fromLlm = new LinkedHashMap<>();
        llm.forEach(k -> fromLlm.putIfAbsent(k.id(), k));
        List<KeyPointResult> out = new ArrayList<>();
        for (KeyPointResult r : rubric) {
            KeyPointResult l = fromLlm.get(r.id());
            if (l == null || l.verdict() == r.verdict()) {
                out.add(l != null && r.evidence().isEmpty() && !l.evidence().isEmpty() ? l : r);
                continue;
            }
            KeyPointResult stronger = rank(l.verdict()) > rank(r.verdict()) ? l : r;
            String note = "rubric grader: " + name(r.verdict()) + ", LLM grader: " + name(l.verdict());
            String reason = stronger.reason() == null || stronger.reason().isBlank() ? note : stronger.reason() + " (" + note + ")";
            out.add(new KeyPointResult(r.id(), r.text(), r.weight(), stronger.verdict(), stronger.evidence(),
                    stronger.start(), stronger.end(), reason));
        }
        return out;
    }

    static List<MisconceptionHit> misconceptions(List<MisconceptionHit> rubric, List<MisconceptionHit> llm) {
        List<MisconceptionHit> out = new ArrayList<>(rubric);
        for (MisconceptionHit m : llm) {
            boolean known = out.stream().anyMatch(o -> !m.id().isEmpty() && m.id().equals(o.id())
                    || m.start() < o.end() && o.start() < m.end());
            if (!known) {
                out.add(m);
            }
        }
        return out;
    }

    static List<Citation> references(List<Citation> rubric, List<Citation> llm) {
        Map<String, Citation> out = new LinkedHashMap<>();
        for (Citation c : rubric) {
            out.putIfAbsent(c.doc() + "#" + c.section(), c);
        }
        for (Citation c : llm) {
            out.putIfAbsent(c.doc() + "#" + c.section(), c);
        }
        return List.copyOf(out.values());
    }

    static Grade withFeedbackPrefix(Grade g, String notice) {
        return new Grade(g.score(), g.grader(), g.basis(), g.questionId(), g.keyPoints(), g.misconceptions(), g.flags(),
                notice + (g.feedback().isBlank() ? "" : "\n\n" + g.feedback()), g.modelAnswer(), g.references());
    }

    /** Rounds to the half step below a tie, so a mean never inflates the grade. */
    static double halfStepDown(double score) {
        return Text.halfStepDown(score, Grade.MAX);
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case MISSED -> 0;
            case PARTLY -> 1;
            case COVERED -> 2;
        };
    }

    private static String name(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    private static String format(double score) {
        return Text.compact(score);
    }
}

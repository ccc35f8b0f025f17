package dev.interviewloop.interview;

import dev.interviewloop.coding.Execution;
import dev.interviewloop.coding.TestedGrades;
import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.knowledge.FollowUp;
import dev.interviewloop.knowledge.Question;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides the interviewer's next move from the grade of the last answer. Plain Java with no wording
 * in it: a voice words whatever is decided here. In order:
 * <ol>
 *   <li>for a coding question whose code ran: a failing test -> say which case fails and ask for a fix (while
 *       follow-ups remain, once per case); correct code that misses the complexity requirement -> ask for the better
 *       complexity (the tests' complexity follow-up, once); so the better complexity is asked for only once the code is
 *       correct, and not at all when the code already meets it;</li>
 *   <li>a misconception not yet challenged -> challenge it (while follow-ups remain);</li>
 *   <li>a strong answer -> drill deeper with a {@code strong} follow-up once, else acknowledge and go on;</li>
 *   <li>stuck (empty, non-answer, gibberish, or a very low score) -> the next hint, or move on when the ladder is used up;</li>
 *   <li>a missed key point with a {@code missed:<id>} follow-up (heaviest first), or a weak answer with a
 *       {@code weak} follow-up -> probe (while follow-ups remain); when the voice composes follow-ups (an LLM),
 *       a missed key point the bank has no follow-up for -> a probe the voice poses itself, once per point;</li>
 *   <li>otherwise acknowledge (a fair answer) or move on.</li>
 * </ol>
 * Every branch either uses up something bounded (follow-ups, hints, the one drill) or leaves the
 * question, so a question always ends.
 */
public final class Decider {

    private static final Set<Flag> STUCK_FLAGS = Set.of(Flag.EMPTY, Flag.NON_ANSWER, Flag.GIBBERISH);

    private final Policy policy;

    public Decider(Policy policy) {
        this.policy = policy;
    }

    /**
     * @param question the bank question the grade is for
     * @param state the question's state, with the grade and the answer already recorded
     * @param alreadyAsked whether a bank question was already asked in this session (a drill never links to one)
     */
    public Decision decide(Question question, QuestionState state, Grade grade, Predicate<String> alreadyAsked) {
        return decide(question, state, grade, alreadyAsked, false);
    }

    /**
     * As {@link #decide(Question, QuestionState, Grade, Predicate)}; with {@code composeFollowUps}, a missed
     * key point whose bank follow-ups are used up is still probed, once, by a follow-up the voice poses
     * itself ({@link Decision.Probe} with no follow-up).
     */
    public Decision decide(Question question, QuestionState state, Grade grade, Predicate<String> alreadyAsked,
                           boolean composeFollowUps) {
        return decide(question, state, grade, alreadyAsked, composeFollowUps, null, null);
    }

    /**
     * As {@link #decide(Question, QuestionState, Grade, Predicate, boolean)}, for a coding question whose code was
     * run against its tests.
     *
     * @param tests what running the answer's code gave, or null (not a coding question, or no code ran)
     * @param complexityFollowUp the follow-up that asks for the better complexity, or null (then one is composed from
     *                           the requirement)
     */
    public Decision decide(Question question, QuestionState state, Grade grade, Predicate<String> alreadyAsked,
                           boolean composeFollowUps, Execution tests, FollowUp complexityFollowUp) {
        boolean followUpsLeft = state.followUps() < policy.maxFollowUps();
        String skipFollowUp = null;
        if (tests != null && tests.ran()) {
            Optional<Decision> fromTests = fromTests(state, tests, complexityFollowUp, followUpsLeft);
            if (fromTests.isPresent()) {
                return fromTests.get();
            }
            if (tests.complexity() != null && tests.complexity().passed() && complexityFollowUp != null) {
                skipFollowUp = complexityFollowUp.id();  // already met: asking for it would be odd
            }
        }
        String skip = skipFollowUp;

        Optional<MisconceptionHit> unchallenged = grade.misconceptions().stream()
                .filter(m -> !state.challenged().contains(key(m)))
                .findFirst();
        if (unchallenged.isPresent() && followUpsLeft) {
            MisconceptionHit hit = unchallenged.get();
            FollowUp followUp = hit.id().isEmpty() ? null : unasked(question, state, FollowUp.On.MISCONCEPTION, hit.id());
            return new Decision.Challenge(hit, followUp);
        }

        if (grade.score() >= policy.strongScore() && grade.misconceptions().isEmpty()) {
            if (!state.drilled() && state.drillOf() == null) {
                Optional<FollowUp> drill = question.followUps().stream()
                        .filter(f -> f.on() == FollowUp.On.STRONG)
                        .filter(f -> !state.askedFollowUps().contains(f.id()) && !f.id().equals(skip))
                        .filter(f -> f.question() == null || !alreadyAsked.test(f.question()))
                        .findFirst();
                if (drill.isPresent()) {
                    return new Decision.Drill(drill.get());
                }
            }
            return new Decision.Next(Move.ACKNOWLEDGE);
        }

        if (stuck(grade)) {
            return state.hints() < question.hints().size()
                    ? new Decision.Hint(state.hints())
                    : new Decision.Next(Move.MOVE_ON);
        }

        if (followUpsLeft) {
            Optional<Decision> probe = grade.missed().stream()
                    .sorted(Comparator.comparingDouble(KeyPointResult::weight).reversed())
                    .flatMap(k -> Optional.ofNullable(unasked(question, state, FollowUp.On.MISSED, k.id()))
                            .map(f -> (Decision) new Decision.Probe(f, k.id())).stream())
                    .findFirst();
            if (probe.isPresent()) {
                return probe.get();
            }
            if (grade.score() < policy.weakScore()) {
                FollowUp weak = unasked(question, state, FollowUp.On.WEAK, "");
                if (weak != null) {
                    return new Decision.Probe(weak, null);
                }
            }
            // the bank's follow-ups come first; then the voice may pose its own about a missed point
            if (composeFollowUps) {
                Optional<Decision> composed = grade.missed().stream()
                        .sorted(Comparator.comparingDouble(KeyPointResult::weight).reversed())
                        .filter(k -> !state.askedFollowUps().contains(composedId(k.id())))
                        .filter(k -> question.followUps().stream().noneMatch(f -> f.on() == FollowUp.On.MISSED
                                && f.target().equals(k.id()) && state.askedFollowUps().contains(f.id())))
                        .map(k -> (Decision) new Decision.Probe(null, k.id()))
                        .findFirst();
                if (composed.isPresent()) {
                    return composed.get();
                }
            }
        }
        return new Decision.Next(grade.score() >= policy.acknowledgeScore() ? Move.ACKNOWLEDGE : Move.MOVE_ON);
    }

    private static Optional<Decision> fromTests(QuestionState state, Execution tests, FollowUp complexityFollowUp,
                                                boolean followUpsLeft) {
        if (!tests.correct()) {
            Optional<Execution.CaseResult> failing = tests.cases().stream()
                    .filter(c -> !c.passed() && "correctness".equals(c.check())).findFirst();
            String id = TESTS_PREFIX + failing.map(Execution.CaseResult::name).orElse("load");
            if (!followUpsLeft || state.askedFollowUps().contains(id)) {
                return Optional.empty();
            }
            String prompt = failing.map(TestedGrades::failure)
                    .orElse("It does not run: " + (tests.message() == null ? "no case ran" : tests.message()) + ".");
            return Optional.of(new Decision.FailingTests(id, prompt));
        }
        Execution.Complexity complexity = tests.complexity();
        if (complexity == null || complexity.passed()) {
            return Optional.empty();
        }
        FollowUp ask = complexityFollowUp != null ? complexityFollowUp : new FollowUp(TESTS_PREFIX + "complexity",
                "strong", "It is correct. Can you get it to " + complexity.requirement() + "?", null);
        return state.askedFollowUps().contains(ask.id()) ? Optional.empty() : Optional.of(new Decision.Drill(ask));
    }

    /** Follow-up ids that record what the tests made the interviewer ask ({@code tests:<case>}). */
    public static final String TESTS_PREFIX = "tests:";

    /** The follow-up id that records a probe the voice composed for a missed key point. */
    public static String composedId(String keyPointId) {
        return "composed:" + keyPointId;
    }

    /** Whether the candidate is stuck on this answer: nothing usable was said. */
    public boolean stuck(Grade grade) {
        return grade.score() < policy.stuckScore() || grade.flags().stream().anyMatch(STUCK_FLAGS::contains);
    }

    /** The id a challenged misconception is remembered by (its statement when the grader found it without the bank). */
    static String key(MisconceptionHit hit) {
        return hit.id().isEmpty() ? hit.statement() : hit.id();
    }

    private static FollowUp unasked(Question question, QuestionState state, FollowUp.On on, String target) {
        return question.followUps().stream()
                .filter(f -> f.on() == on && f.target().equals(target))
                .filter(f -> !state.askedFollowUps().contains(f.id()))
                .findFirst().orElse(null);
    }
}

package dev.interviewloop.interview;

import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.knowledge.FollowUp;

/** The interviewer's next move after a graded answer, decided by {@link Decider}. */
public sealed interface Decision {

    /** Challenge a wrong statement; with the {@code misconception:<id>} follow-up when the question has one. */
    record Challenge(MisconceptionHit misconception, FollowUp followUp) implements Decision {
    }

    /**
     * Probe a missed key point ({@code missed:<id>} follow-up) or a weak answer ({@code weak} follow-up); with no
     * follow-up, the voice poses its own about the missed key point (see {@link InterviewerVoice#composesFollowUps()}).
     */
    record Probe(FollowUp followUp, String keyPointId) implements Decision {
    }

    /** Drill deeper after a strong answer ({@code strong} follow-up). */
    record Drill(FollowUp followUp) implements Decision {
    }

    /** The candidate is stuck: give the next hint on the ladder ({@code index} 0-based). */
    record Hint(int index) implements Decision {
    }

    /**
     * The candidate's code fails a test: say which ({@code prompt} describes the first failing case) and ask for a
     * fix. {@code followUpId} records it, so the same failing case is raised once.
     */
    record FailingTests(String followUpId, String prompt) implements Decision {
    }

    /** Done with this question: acknowledge it (or just move on), then ask the next one or close. */
    record Next(Move move) implements Decision {
    }
}

package dev.interviewloop.interview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the interviewer behaves; see {@link Policy} for what each number means. */
@ConfigMapping(prefix = "interview-loop.interview")
public interface InterviewConfig {

    /** Probes and challenges per question before the interviewer moves on. */
    @WithDefault("2")
    int maxFollowUps();

    /** How much each hint taken lowers the most a question can score (0-5 scale). */
    @WithDefault("0.5")
    double hintPenalty();

    /** The longest answer accepted, in characters. */
    @WithDefault("20000")
    int maxAnswerChars();

    default Policy policy() {
        Policy d = Policy.DEFAULT;
        return new Policy(maxFollowUps(), d.strongScore(), d.weakScore(), d.acknowledgeScore(), d.stuckScore(),
                hintPenalty(), maxAnswerChars());
    }
}

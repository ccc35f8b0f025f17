package dev.interviewloop.interview;

import java.util.function.Consumer;

/**
 * Words the interviewer's moves. The engine has already decided the move; a voice only phrases it.
 * Implementations may stream: they call {@code onDelta} with successive pieces of the text (whose
 * concatenation is {@link Utterance#text()}) before returning.
 */
public interface InterviewerVoice {

    /** Who this voice is, as a message's {@code speaker}: {@code built-in} or {@code llm}. */
    String name();

    Utterance speak(MoveContext context, Consumer<String> onDelta);

    /**
     * Whether this voice can pose a follow-up of its own when the bank's follow-ups for a missed key
     * point are used up (a probe with no prompt). The built-in voice cannot; an LLM voice grounded in
     * the reference passages can.
     */
    default boolean composesFollowUps() {
        return false;
    }
}

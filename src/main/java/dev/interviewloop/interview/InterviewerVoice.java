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
}

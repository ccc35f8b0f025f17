package dev.interviewloop.interview;

/**
 * What a voice said.
 *
 * @param speaker who worded it: {@code built-in} or {@code llm}
 * @param notice a notice for the candidate to show before the message (for example "the LLM is unavailable;
 *               continuing with the built-in interviewer"), or null
 */
public record Utterance(String text, String speaker, String notice) {

    public static Utterance of(String text, String speaker) {
        return new Utterance(text, speaker, null);
    }
}

package dev.interviewloop.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The interviewer who plays a round, as the write-ups describe them.
 *
 * @param bar the hiring bar on the 0-5 scale: the average score this interviewer wants to see
 * @param voice phrasings per move (see {@link VoiceLine}); the built-in interviewer words its turns
 *              from these, so the round sounds like this persona without an LLM
 */
public record Persona(String id, String name, String role, String seniority, String tone, String pace,
                      List<String> habits, String opening, double bar, Map<VoiceLine, List<String>> voice) {

    public Persona {
        habits = Lists.copy(habits);
        voice = Lists.copy(voice);
    }

    /** One line of a persona's style, for cards and prompts. */
    public String style() {
        return tone + "; " + pace + " pace";
    }

    public List<String> lines(VoiceLine line) {
        return voice.getOrDefault(line, List.of());
    }
}

package dev.interviewloop.knowledge;

import java.util.List;

/**
 * A wrong statement candidates commonly make, and what is true instead.
 *
 * @param cues optional short phrases that signal the wrong statement
 * @param contradicts the id of the question's key point this statement is the contrary of (a span that states it
 *                    cannot evidence that point), or null when it contradicts no single point
 */
public record Misconception(String id, String statement, String correction, List<String> cues, String contradicts) {

    public Misconception {
        cues = Lists.copy(cues);
    }

    public Misconception(String id, String statement, String correction, List<String> cues) {
        this(id, statement, correction, cues, null);
    }
}

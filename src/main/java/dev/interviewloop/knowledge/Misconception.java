package dev.interviewloop.knowledge;

import java.util.List;

/**
 * A wrong statement candidates commonly make, and what is true instead.
 *
 * @param cues optional short phrases that signal the wrong statement
 */
public record Misconception(String id, String statement, String correction, List<String> cues) {

    public Misconception {
        cues = Lists.copy(cues);
    }
}

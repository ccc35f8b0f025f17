package dev.interviewloop.knowledge;

import java.util.List;

/**
 * One rubric point.
 *
 * @param text the point as an expert would state it; graded by meaning, not by exact words
 * @param weight its share of the score, relative to the question's other points (positive)
 * @param cues optional short phrases that, stated affirmatively, evidence the point
 */
public record KeyPoint(String id, String text, double weight, List<String> cues) {

    public KeyPoint {
        cues = Lists.copy(cues);
    }
}

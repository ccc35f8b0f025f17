package dev.interviewloop.store;

import java.time.Instant;
import java.util.List;

/**
 * Progress per topic over time, and the weak topics. Counts the answers the candidate has seen graded: every answer
 * in practice mode, and mock rounds once finished.
 *
 * @param topics every topic with at least one result, by name
 * @param weakTopics topics with enough results whose recent average is below the bar, weakest first
 * @param results how many results there are in all
 */
public record Progress(List<TopicProgress> topics, List<WeakTopic> weakTopics, int results, Settings settings) {

    /**
     * One topic over time.
     *
     * @param points every result, oldest first (the series to plot)
     * @param average the mean over every result
     * @param recentAverage the mean over the latest {@code settings.recentResults} results
     */
    public record TopicProgress(String topic, List<Point> points, double average, double recentAverage, int count,
                                Instant first, Instant last) {
    }

    /** One result: a skipped question scores 0. */
    public record Point(Instant at, double score, String questionId, String sessionId, boolean skipped) {
    }

    /**
     * A weak topic.
     *
     * @param questions the topic's questions answered so far, worst latest score first
     */
    public record WeakTopic(String topic, double recentAverage, int count, List<String> questions) {
    }

    /** The settings the summary used (interview-loop.history.*). */
    public record Settings(int recentResults, double weakBelow, int minEvidence) {
    }
}

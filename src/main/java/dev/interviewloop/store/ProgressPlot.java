package dev.interviewloop.store;

import dev.interviewloop.store.Progress.Point;
import dev.interviewloop.store.Progress.TopicProgress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Progress per topic over time as an SVG line chart: one line per topic (score 0-5 against the date of each
 * result), a dashed line at the weak-topic bar, and a legend with each topic's recent average. Skipped questions are
 * hollow points. Each point has a tooltip. Plain SVG, so a page shows it with {@code <img src=...>}.
 */
public final class ProgressPlot {

    static final int WIDTH = 760;
    static final int HEIGHT = 360;
    private static final int LEFT = 44;
    private static final int RIGHT = 210;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ProgressPlot() {
    }

    /** The chart of {@code progress}, limited to {@code topics} when that is not empty. */
    public static String svg(Progress progress, Set<String> topics) {
        List<TopicProgress> shown = progress.topics().stream()
                .filter(t -> topics.isEmpty() || topics.contains(t.topic())).toList();
        Set<String> weak = progress.weakTopics().stream().map(Progress.WeakTopic::topic).collect(Collectors.toSet());
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"plot-title plot-desc\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"plot-title\">Progress per topic</title>\n");
        svg.append("<desc id=\"plot-desc\">").append(escape(describe(shown, weak))).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        if (shown.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#555\">No graded answers yet: play a round to see your progress."
                            + "</text>\n</svg>\n");
            return svg.toString();
        }
        Instant from = shown.stream().map(TopicProgress::first).min(Instant::compareTo).orElseThrow();
        Instant to = shown.stream().map(TopicProgress::last).max(Instant::compareTo).orElseThrow();
        if (!to.isAfter(from)) {
            from = from.minus(Duration.ofHours(12));
            to = to.plus(Duration.ofHours(12));
        }
        Axes axes = new Axes(from, to);
        grid(svg, axes, progress.settings().weakBelow());
        for (int i = 0; i < shown.size(); i++) {
            line(svg, axes, shown.get(i), COLOURS[i % COLOURS.length]);
            legend(svg, i, shown.get(i), COLOURS[i % COLOURS.length], weak.contains(shown.get(i).topic()));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Maps a result to the drawing area. */
    record Axes(Instant from, Instant to) {
        double x(Instant at) {
            double span = Duration.between(from, to).toMillis();
            return LEFT + (WIDTH - LEFT - RIGHT) * Duration.between(from, at).toMillis() / span;
        }

        double y(double score) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (5.0 - score) / 5.0;
        }
    }

    private static void grid(StringBuilder svg, Axes axes, double weakBelow) {
        int right = WIDTH - RIGHT;
        for (int s = 0; s <= 5; s++) {
            double y = axes.y(s);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"").append(num(y))
                    .append("\" y2=\"").append(num(y)).append("\" stroke=\"#e3e3e3\"/>")
                    .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#555\">").append(s).append("</text>\n");
        }
        double bar = axes.y(weakBelow);
        svg.append("<line class=\"weak-bar\" x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"")
                .append(num(bar)).append("\" y2=\"").append(num(bar))
                .append("\" stroke=\"#b00\" stroke-dasharray=\"4 4\"/>")
                .append("<text x=\"").append(right).append("\" y=\"").append(num(bar - 4))
                .append("\" text-anchor=\"end\" fill=\"#b00\">weak below ").append(score(weakBelow)).append("</text>\n");
        int bottom = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"").append(bottom)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#555\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(bottom + 18).append("\" fill=\"#555\">")
                .append(DAY.format(axes.from())).append("</text>")
                .append("<text x=\"").append(right).append("\" y=\"").append(bottom + 18)
                .append("\" text-anchor=\"end\" fill=\"#555\">").append(DAY.format(axes.to())).append("</text>")
                .append("<text x=\"12\" y=\"").append(TOP + (HEIGHT - TOP - BOTTOM) / 2)
                .append("\" transform=\"rotate(-90 12 ").append(TOP + (HEIGHT - TOP - BOTTOM) / 2)
                .append(")\" text-anchor=\"middle\" fill=\"#555\">score (0-5)</text>\n");
    }

    private static void line(StringBuilder svg, Axes axes, TopicProgress topic, String colour) {
        svg.append("<g class=\"topic\" data-topic=\"").append(escape(topic.topic())).append("\">\n");
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
        for (Point p : topic.points()) {
            svg.append(num(axes.x(p.at()))).append(',').append(num(axes.y(p.score()))).append(' ');
        }
        svg.setLength(svg.length() - 1);
        svg.append("\"/>\n");
        for (Point p : topic.points()) {
            svg.append("<circle cx=\"").append(num(axes.x(p.at()))).append("\" cy=\"").append(num(axes.y(p.score())))
                    .append("\" r=\"4\" stroke=\"").append(colour).append("\" fill=\"").append(p.skipped() ? "#fff" : colour)
                    .append("\"><title>").append(escape(topic.topic() + ": " + score(p.score()) + (p.skipped() ? " (skipped)" : "")
                            + " on " + DAY.format(p.at()) + ", " + p.questionId())).append("</title></circle>\n");
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, int index, TopicProgress topic, String colour, boolean weak) {
        int x = WIDTH - RIGHT + 16;
        int y = TOP + 8 + index * 20;
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"12\" height=\"12\" fill=\"")
                .append(colour).append("\"/><text x=\"").append(x + 18).append("\" y=\"").append(y + 2).append("\"")
                .append(weak ? " font-weight=\"bold\" fill=\"#b00\"" : "").append('>')
                .append(escape(topic.topic() + " " + score(topic.recentAverage()) + (weak ? " (weak)" : "")))
                .append("</text>\n");
    }

    private static String describe(List<TopicProgress> topics, Set<String> weak) {
        if (topics.isEmpty()) {
            return "No graded answers yet.";
        }
        return topics.stream().map(t -> t.topic() + ": " + t.count() + " result(s), recent average "
                + score(t.recentAverage()) + (weak.contains(t.topic()) ? " (weak)" : "")).collect(Collectors.joining("; "));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String score(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

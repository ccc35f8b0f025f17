package dev.interviewloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.store.Progress.Point;
import dev.interviewloop.store.Progress.TopicProgress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The progress chart: one line per topic, later results further right, better scores higher up. */
class ProgressPlotTest {

    private static final Instant D1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant D2 = Instant.parse("2026-02-08T10:00:00Z");
    private static final Instant D3 = Instant.parse("2026-02-15T10:00:00Z");

    private static TopicProgress topic(String name, Point... points) {
        double avg = Arrays.stream(points).mapToDouble(Point::score).average().orElse(0);
        return new TopicProgress(name, List.of(points), avg, avg, points.length, points[0].at(),
                points[points.length - 1].at());
    }

    private static Point point(Instant at, double score) {
        return new Point(at, score, "q", "s", false);
    }

    private static final Progress PROGRESS = new Progress(List.of(
            topic("generalization", point(D1, 1.0), point(D2, 2.5), point(D3, 4.0)),
            topic("trees <xgboost>", point(D2, 3.0), new Point(D3, 0.0, "xgb", "s", true))),
            List.of(new Progress.WeakTopic("trees <xgboost>", 1.5, 2, List.of("xgb"))), 5,
            new Progress.Settings(5, 3.0, 2));

    @Test
    void eachTopicIsALineThroughItsResults() throws Exception {
        Document svg = parse(ProgressPlot.svg(PROGRESS, Set.of()));

        NodeList lines = svg.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        double[][] g = points((Element) lines.item(0));
        assertThat(g).hasNumberOfRows(3);
        assertThat(g[0][0]).as("later results are further right").isLessThan(g[1][0]);
        assertThat(g[1][0]).isLessThan(g[2][0]);
        assertThat(g[0][1]).as("better scores are higher up (smaller y)").isGreaterThan(g[1][1]);
        assertThat(g[1][1]).isGreaterThan(g[2][1]);
    }

    @Test
    void theLegendMarksWeakTopicsAndTheBarIsDrawn() throws Exception {
        String svg = ProgressPlot.svg(PROGRESS, Set.of());
        Document doc = parse(svg);

        assertThat(svg).contains("trees &lt;xgboost&gt; 1.5 (weak)").contains("weak below 3.0").contains("class=\"weak-bar\"");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .contains("generalization: 3 result(s)").contains("(weak)");
        assertThat(svg).contains("(skipped)");
    }

    @Test
    void aTopicFilterDrawsOnlyThoseTopics() throws Exception {
        Document svg = parse(ProgressPlot.svg(PROGRESS, Set.of("generalization")));

        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(((Element) svg.getElementsByTagName("g").item(0)).getAttribute("data-topic")).isEqualTo("generalization");
    }

    @Test
    void withoutResultsTheChartSaysSo() throws Exception {
        Progress empty = new Progress(List.of(), List.of(), 0, new Progress.Settings(5, 3.0, 2));

        Document svg = parse(ProgressPlot.svg(empty, Set.of()));

        assertThat(svg.getElementsByTagName("polyline").getLength()).isZero();
        assertThat(svg.getDocumentElement().getTextContent()).contains("No graded answers yet");
    }

    @Test
    void resultsAllOnOneDayStillPlot() throws Exception {
        Progress oneDay = new Progress(List.of(topic("generalization", point(D1, 2.0))), List.of(), 1,
                new Progress.Settings(5, 3.0, 2));

        double[][] p = points((Element) parse(ProgressPlot.svg(oneDay, Set.of())).getElementsByTagName("polyline").item(0));

        assertThat(p[0][0]).isBetween((double) 0, (double) ProgressPlot.WIDTH);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static double[][] points(Element polyline) {
        List<double[]> out = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").trim().split("\\s+")) {
            String[] xy = pair.split(",");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out.toArray(double[][]::new);
    }
}

package dev.interviewloop.store;

import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.RoundCatalog;
import dev.interviewloop.interview.SessionState;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import dev.interviewloop.store.HistoryEntry.Ref;
import dev.interviewloop.store.Progress.Point;
import dev.interviewloop.store.Progress.TopicProgress;
import dev.interviewloop.store.Progress.WeakTopic;
import dev.interviewloop.store.SpacedRepetition.Attempt;
import dev.interviewloop.store.SpacedRepetition.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the stored sessions back as a history, progress per topic, weak topics and the spaced-repetition queue.
 * Only what the candidate has seen graded counts: practice-mode answers at once, a mock round once it is finished.
 */
@ApplicationScoped
public class ProgressService {

    private static final String VISIBLE = "sessionId in (select s.id from SessionRow s where s.mode = ?1 or s.state = ?2)"
            + " order by gradedAt, sessionId, position";

    private final KnowledgeBase knowledge;
    private final RoundCatalog rounds;
    private final HistoryConfig config;
    private final Clock clock;

    public ProgressService(KnowledgeBase knowledge, RoundCatalog rounds, HistoryConfig config, Clock clock) {
        this.knowledge = knowledge;
        this.rounds = rounds;
        this.config = config;
        this.clock = clock;
    }

    /** The header columns a history entry shows (a projection: no transcript is read). */
    record HistoryRow(String id, String loopId, String roundId, String personaId, String mode, String state,
                      Instant startedAt, Instant finishedAt, Double averageScore, String verdict, int results) {
    }

    /** Rounds of this installation, newest first: {@code limit} of them after skipping {@code offset}. */
    @Transactional
    public List<HistoryEntry> history(int offset, int limit) {
        List<HistoryRow> rows = SessionRow.getEntityManager().createQuery("select new " + HistoryRow.class.getName()
                        + "(s.id, s.loopId, s.roundId, s.personaId, s.mode, s.state, s.startedAt, s.finishedAt, "
                        + "s.averageScore, s.verdict, s.results) from SessionRow s order by s.startedAt desc, s.id",
                        HistoryRow.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(this::entry).toList();
    }

    /** Progress per topic and the weak topics. */
    @Transactional
    public Progress progress() {
        return summarize(visibleResults());
    }

    /** Every question answered so far with when it is due again, in practice order (due and worst first). */
    @Transactional
    public List<ScheduledQuestion> schedule() {
        Instant now = clock.instant();
        return schedules(visibleResults(), now).stream().map(this::scheduled).toList();
    }

    /** The results the candidate has seen, oldest first. */
    @Transactional
    public List<QuestionResult> visibleResults() {
        List<QuestionResultRow> rows = QuestionResultRow.list(VISIBLE, Mode.PRACTICE.wireName(), SessionState.FINISHED.name());
        return rows.stream().map(QuestionResultRow::toResult).toList();
    }

    Progress summarize(List<QuestionResult> results) {
        Map<String, List<QuestionResult>> byTopic = new TreeMap<>();
        for (QuestionResult r : results) {
            byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r);
        }
        List<TopicProgress> topics = new ArrayList<>();
        List<WeakTopic> weak = new ArrayList<>();
        for (Map.Entry<String, List<QuestionResult>> e : byTopic.entrySet()) {
            List<QuestionResult> rs = e.getValue();
            List<Point> points = rs.stream()
                    .map(r -> new Point(r.gradedAt(), r.score(), r.questionId(), r.sessionId(), r.skipped())).toList();
            double average = round2(rs.stream().mapToDouble(QuestionResult::score).average().orElse(0));
            double recent = round2(rs.subList(Math.max(0, rs.size() - config.recentResults()), rs.size()).stream()
                    .mapToDouble(QuestionResult::score).average().orElse(0));
            topics.add(new TopicProgress(e.getKey(), points, average, recent, rs.size(), rs.get(0).gradedAt(),
                    rs.get(rs.size() - 1).gradedAt()));
            if (rs.size() >= config.minEvidence() && recent < config.weakBelow()) {
                weak.add(new WeakTopic(e.getKey(), recent, rs.size(), worstFirst(rs)));
            }
        }
        weak.sort(Comparator.comparingDouble(WeakTopic::recentAverage).thenComparing(WeakTopic::topic));
        return new Progress(topics, weak, results.size(),
                new Progress.Settings(config.recentResults(), config.weakBelow(), config.minEvidence()));
    }

    /** The schedule of every question with results, in {@link SpacedRepetition#PRACTICE_ORDER}. */
    static List<Schedule> schedules(List<QuestionResult> results, Instant now) {
        Map<String, List<Attempt>> byQuestion = new LinkedHashMap<>();
        for (QuestionResult r : results) {
            byQuestion.computeIfAbsent(r.questionId(), q -> new ArrayList<>()).add(new Attempt(r.score(), r.gradedAt()));
        }
        return byQuestion.entrySet().stream().map(e -> SpacedRepetition.schedule(e.getKey(), e.getValue(), now))
                .sorted(SpacedRepetition.PRACTICE_ORDER).toList();
    }

    private ScheduledQuestion scheduled(Schedule s) {
        Optional<Question> q = knowledge.question(s.questionId());
        return new ScheduledQuestion(s.questionId(), q.map(Question::title).orElse(s.questionId()),
                q.map(Question::topic).orElse(QuestionResult.UNKNOWN_TOPIC), s.lastScore(), s.lastAt(), s.attempts(),
                s.streak(), days(s.interval()), s.due(), s.dueNow());
    }

    /** A topic's questions by their latest score, worst first. */
    private static List<String> worstFirst(List<QuestionResult> rs) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (QuestionResult r : rs) {
            latest.put(r.questionId(), r.score());
        }
        return latest.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
    }

    private HistoryEntry entry(HistoryRow r) {
        Optional<Loop> loop = rounds.loop(r.loopId(), r.roundId());
        String roundTitle = loop.flatMap(l -> l.round(r.roundId())).map(Round::title).orElse(r.roundId());
        String personaName = knowledge.persona(r.personaId()).map(Persona::name).orElse(r.personaId());
        return new HistoryEntry(r.id(), new Ref(r.loopId(), loop.map(Loop::title).orElse(r.loopId())),
                new Ref(r.roundId(), roundTitle), new Ref(r.personaId(), personaName), r.mode(), r.state(),
                SessionState.FINISHED.name().equals(r.state()), r.startedAt(), r.finishedAt(), r.averageScore(),
                r.verdict(), r.results());
    }

    static double days(Duration d) {
        return round2(d.toMinutes() / (24.0 * 60));
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package dev.interviewloop.store;

import dev.interviewloop.interview.InterviewEngine;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.SessionException;
import dev.interviewloop.interview.SessionView;
import dev.interviewloop.interview.Started;
import dev.interviewloop.interview.TurnListener;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import dev.interviewloop.knowledge.Text;
import dev.interviewloop.store.PracticePlan.Planned;
import dev.interviewloop.store.PracticePlan.Reason;
import dev.interviewloop.store.SpacedRepetition.Schedule;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Practise my weak topics": builds a round from the questions the candidate did worst on and starts it. The round
 * asks, up to {@code interview-loop.history.practice.questions}: the questions due again (worst latest score first),
 * then questions not asked yet from the weak topics (weakest topic first), then, only to fill the round, questions
 * not due yet (soonest first). It is kept in table {@code practice_rounds} and played by the engine like any round.
 */
@ApplicationScoped
public class PracticeService {

    static final String STARTED = "interview_loop.practice.started";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final KnowledgeBase knowledge;
    private final ProgressService progress;
    private final PracticeRounds rounds;
    private final InterviewEngine engine;
    private final HistoryConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    public PracticeService(KnowledgeBase knowledge, ProgressService progress, PracticeRounds rounds,
                           InterviewEngine engine, HistoryConfig config, Clock clock, MeterRegistry meters) {
        this.knowledge = knowledge;
        this.progress = progress;
        this.rounds = rounds;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** A practice round just started: the session as the candidate sees it, its token (shown once) and the plan. */
    public record PracticeStarted(SessionView session, String token, PracticePlan plan) {
    }

    /** What a practice round started now would ask, and why. */
    public PracticePlan plan() {
        List<QuestionResult> results = progress.visibleResults();
        return plan(results, progress.summarize(results), clock.instant());
    }

    /** Builds a practice round from the current plan and starts a session of it. */
    public PracticeStarted start(String modeName) {
        Mode mode = Mode.parse(modeName == null ? "" : modeName).orElseThrow(() -> SessionException.badInput("mode",
                "'mode' is 'practice' (feedback after every answer) or 'mock' (feedback at the end), not '" + modeName + "'"));
        PracticePlan plan = plan();
        if (plan.questions().isEmpty()) {
            throw SessionException.conflict("there is nothing to practise yet: no answer has been graded. Play a round "
                    + "first (POST /api/sessions); its questions then come back here, the worst answered first");
        }
        Instant now = clock.instant();
        List<String> ids = plan.questions().stream().map(Planned::questionId).toList();
        String title = title(plan);
        Round round = new Round("weak-" + UUID.randomUUID().toString().substring(0, 8), title, persona(ids.get(0)),
                ids.size() * config.practice().minutesPerQuestion(), PracticeRounds.focus(title), ids, 0);
        rounds.save(round, now);
        Started started = engine.start(PracticeRounds.LOOP_ID, round.id(), mode.wireName(), TurnListener.NONE);
        meters.counter(STARTED).increment();
        return new PracticeStarted(started.session(), started.token(), plan);
    }

    PracticePlan plan(List<QuestionResult> results, Progress summary, Instant now) {
        int size = config.practice().questions();
        List<Schedule> schedules = ProgressService.schedules(results, now);
        Set<String> answered = new HashSet<>();
        results.forEach(r -> answered.add(r.questionId()));
        List<Planned> planned = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();

        for (Schedule s : schedules) {
            if (s.dueNow()) {
                add(planned, taken, size, s.questionId(), Reason.DUE, s.lastScore(), s.due(), "due again: scored "
                        + score(s.lastScore()) + " on " + DAY.format(s.lastAt()));
            }
        }
        for (Progress.WeakTopic weak : summary.weakTopics()) {
            knowledge.questions().values().stream()
                    .filter(q -> q.topic().equals(weak.topic()) && !answered.contains(q.id()))
                    .sorted(Comparator.comparingInt(Question::difficulty).thenComparing(Question::id))
                    .forEach(q -> add(planned, taken, size, q.id(), Reason.WEAK_TOPIC, null, null,
                            "not asked yet; topic '" + weak.topic() + "' is weak (recent average "
                                    + score(weak.recentAverage()) + ")"));
        }
        for (Schedule s : schedules) {
            if (!s.dueNow()) {
                add(planned, taken, size, s.questionId(), Reason.NOT_DUE_YET, s.lastScore(), s.due(), "due on "
                        + DAY.format(s.due()) + " (scored " + score(s.lastScore()) + "); asked early to fill the round");
            }
        }
        return new PracticePlan(planned, summary.weakTopics().stream().map(Progress.WeakTopic::topic).toList());
    }

    private void add(List<Planned> planned, Set<String> taken, int size, String id, Reason reason, Double lastScore,
                     Instant due, String why) {
        if (planned.size() >= size || taken.contains(id)) {
            return;
        }
        Optional<Question> q = knowledge.question(id);
        if (q.isEmpty()) {
            return; // removed from knowledge/ since it was answered
        }
        taken.add(id);
        planned.add(new Planned(id, q.get().title(), q.get().topic(), reason, lastScore, due, why));
    }

    private static String title(PracticePlan plan) {
        List<String> topics = plan.questions().stream().map(Planned::topic).distinct().toList();
        String shown = String.join(", ", topics.subList(0, Math.min(3, topics.size())));
        return "Weak topics: " + shown + (topics.size() > 3 ? " and " + (topics.size() - 3) + " more" : "");
    }

    /** The configured persona, else the persona of the first knowledge round asking {@code firstQuestion}. */
    private String persona(String firstQuestion) {
        Optional<String> configured = config.practice().persona().filter(p -> !p.isBlank());
        if (configured.isPresent()) {
            return knowledge.persona(configured.get()).map(Persona::id).orElseThrow(() -> new IllegalStateException(
                    "interview-loop.history.practice.persona is '" + configured.get() + "', which is no persona in "
                            + "knowledge/personas; known: " + knowledge.personas().keySet()));
        }
        return knowledge.loops().stream().flatMap(l -> l.rounds().stream())
                .filter(r -> r.questions().contains(firstQuestion)).map(Round::persona).findFirst()
                .or(() -> knowledge.loops().stream().map(Loop::rounds).flatMap(List::stream).map(Round::persona).findFirst())
                .orElseGet(() -> knowledge.personas().keySet().stream().sorted().findFirst().orElseThrow());
    }

    private static String score(double value) {
        return Text.score(value);
    }
}

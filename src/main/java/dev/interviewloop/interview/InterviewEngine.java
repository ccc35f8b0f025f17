package dev.interviewloop.interview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.interviewloop.coding.CodeRunner;
import dev.interviewloop.coding.CodingService;
import dev.interviewloop.coding.Execution;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.GradeOutcome;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.FollowUp;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs interview rounds: one state machine per session. Every candidate action is authorized first (nothing is kept
 * for a request that is not), then handled under the session's lock: record the candidate's message, grade an answer
 * with the {@link Grader}, let the {@link Decider} choose the next move, have the {@link InterviewerVoice} word it
 * (streaming through a {@link TurnListener}), and append the turn to the stored session. The lock orders the turns of
 * one instance; when instances share a database, a turn stored first by another one makes this one a
 * {@link SessionStore.Conflict}, and it is played again on the session as it now is.
 *
 * <p>Rules beyond the decision function:
 * <ul>
 *   <li>Replies to probes, challenges and unlinked follow-ups are graded together with the earlier answers
 *       to the same question (joined), and the question keeps the better of the old and new grade: more
 *       evidence can only help. A retry replaces every earlier answer, and its grade replaces the old one
 *       even when lower; the message shows the replaced score.</li>
 *   <li>An answer to a coding question with tests ({@code knowledge/coding/}) is also run against every case
 *       ({@link CodingService}), and the grade stands on the tests first; its code is the answers' code blocks
 *       joined, so a fix given in a reply replaces the earlier function, and the new grade replaces the old one even
 *       when lower (the code as it is now is what counts). The {@code run} command runs the code against the visible
 *       examples only, grades nothing and gets no reply from the interviewer.</li>
 *   <li>Each hint taken on a question (asked for, or given because the candidate was stuck) lowers the most
 *       that question can score by {@link Policy#hintPenalty()}; the feedback says so.</li>
 *   <li>The round closes when the plan (up to the round's question budget) is done, when the candidate ends
 *       it, or at the first action after its time ({@code durationMinutes}) is up: an answer given then is
 *       still graded, other commands are not served.</li>
 * </ul>
 */
@ApplicationScoped
public class InterviewEngine {

    static final String TURNS = "interview_loop.turns";
    static final String LATENCY = "interview_loop.turn.latency";
    /** Turns played again because another turn on the same session was stored first. */
    static final String REPLAYED = "interview_loop.turns.replayed";
    /** How often a turn is played before the candidate is asked to send it again. */
    private static final int MAX_ATTEMPTS = 5;
    private static final String JOIN = "\n\n";

    private final KnowledgeBase knowledge;
    private final RoundCatalog rounds;
    private final Grader grader;
    private final InterviewerVoice voice;
    private final SessionStore store;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Policy policy;
    private final Decider decider;
    private final CodingService coding;
    /**
     * One lock per session being worked on. Values are weakly held: an entry lives only while a thread holds or waits
     * for its lock, so the table is as large as the actions in flight, not as the sessions ever seen.
     */
    private final Cache<String, Object> locks = Caffeine.newBuilder().weakValues().build();

    @Inject
    public InterviewEngine(KnowledgeBase knowledge, RoundCatalog rounds, Grader grader, InterviewerVoice voice,
                           SessionStore store, Clock clock, MeterRegistry meters, InterviewConfig config,
                           CodingService coding) {
        this(knowledge, rounds, grader, voice, store, clock, meters, config.policy(), coding);
    }

    public InterviewEngine(KnowledgeBase knowledge, Grader grader, InterviewerVoice voice, SessionStore store, Clock clock,
                           MeterRegistry meters, Policy policy) {
        this(knowledge, RoundCatalog.of(knowledge), grader, voice, store, clock, meters, policy);
    }

    /** An engine that runs no code: coding answers are graded by {@code grader} alone. */
    public InterviewEngine(KnowledgeBase knowledge, RoundCatalog rounds, Grader grader, InterviewerVoice voice,
                           SessionStore store, Clock clock, MeterRegistry meters, Policy policy) {
        this(knowledge, rounds, grader, voice, store, clock, meters, policy, null);
    }

    /** @param coding runs coding answers against their tests; null runs no code */
    public InterviewEngine(KnowledgeBase knowledge, RoundCatalog rounds, Grader grader, InterviewerVoice voice,
                           SessionStore store, Clock clock, MeterRegistry meters, Policy policy, CodingService coding) {
        this.coding = coding;
        this.knowledge = knowledge;
        this.rounds = rounds;
        this.grader = grader;
        this.voice = voice;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        this.policy = policy;
        this.decider = new Decider(policy);
    }

    /** Starts a round: the opening and the first question. */
    public Started start(String loopId, String roundId, String modeName, TurnListener listener) {
        if (loopId == null || loopId.isBlank()) {
            throw SessionException.badInput("loop", "name the interview loop in 'loop'; known loops: " + loopIds());
        }
        Loop loop = rounds.loop(loopId, roundId).orElseThrow(() -> SessionException.badInput("loop",
                "no loop '" + loopId + "'; known loops: " + loopIds()));
        List<String> roundIds = loop.rounds().stream().map(Round::id).toList();
        if (roundId == null || roundId.isBlank()) {
            throw SessionException.badInput("round", "name the round in 'round'; rounds of '" + loopId + "': " + roundIds);
        }
        Round round = loop.round(roundId).orElseThrow(() -> SessionException.badInput("round",
                "loop '" + loopId + "' has no round '" + roundId + "'; its rounds: " + roundIds));
        Mode mode = Mode.parse(modeName == null ? "" : modeName).orElseThrow(() -> SessionException.badInput("mode",
                "'mode' is 'practice' (feedback after every answer) or 'mock' (feedback at the end), not '" + modeName + "'"));
        Persona persona = knowledge.persona(round.persona()).orElseThrow();

        String token = SessionTokens.newToken();
        Instant now = clock.instant();
        Session fresh = new Session(UUID.randomUUID().toString(), SessionTokens.hash(token), loop.id(), round.id(),
                persona.id(), mode, SessionTokens.newSeed(), now, now.plus(Duration.ofMinutes(round.durationMinutes())),
                null, SessionState.AWAITING_ANSWER, null, 0, List.of(), List.of());
        // a new random id: nobody else can act on it yet, so no lock
        Timer.Sample sample = Timer.start(meters);
        Play play = new Play(fresh, listener);
        play.say(Move.OPENING, play.context(Move.OPENING, null));
        play.advance();
        Session saved = play.session();
        store.save(saved);
        sample.stop(meters.timer(LATENCY, "command", "start"));
        return new Started(SessionView.of(saved, loop, knowledge, voice.name()), token);
    }

    /** Handles one candidate action in a running session. */
    public Turn act(String id, String token, Action action, TurnListener listener) {
        return act(id, token, () -> action, listener);
    }

    /**
     * Handles one candidate action in a running session. In this order: the token is checked (a stranger leaves
     * nothing behind), then {@code action} is asked for, so a caller can admit the request (rate limits) and read its
     * body after authorization and before any lock; then the session's lock is taken and the session read.
     */
    public Turn act(String id, String token, Supplier<Action> action, TurnListener listener) {
        checkToken(id, store.tokenHash(id).orElseThrow(() -> notFound(id)), token);
        Action admitted = action.get();
        validate(admitted);
        for (int attempt = 1; ; attempt++) {
            synchronized (lock(id)) {
                Session session = store.find(id).orElseThrow(() -> notFound(id));
                if (attempt > 1) {
                    listener.replayed(SessionView.of(session, loopOf(session), knowledge, voice.name()));
                }
                if (session.finished()) {
                    throw SessionException.conflict("this round is over; read the report at GET /api/sessions/" + id
                            + "/report or start a new session");
                }
                Timer.Sample sample = Timer.start(meters);
                Play play = new Play(session, listener);
                play.handle(admitted);
                Session saved = play.session();
                try {
                    store.append(session, saved);
                } catch (SessionStore.Conflict e) {
                    // another instance took a turn on this session meanwhile: play this one again on its result
                    meters.counter(REPLAYED).increment();
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new SessionException(503, null, "session " + id + " is busy with turns from elsewhere; "
                                + "send this again in a moment");
                    }
                    continue;
                }
                sample.stop(meters.timer(LATENCY, "command", admitted.command().wireName()));
                return play.turn(saved);
            }
        }
    }

    /** The session as its candidate sees it. */
    public SessionView view(String id, String token) {
        Session session = authorize(id, token);
        return SessionView.of(session, loopOf(session), knowledge, voice.name());
    }

    /** The end-of-round report; only once the round is finished. */
    public Report report(String id, String token) {
        Session session = authorize(id, token);
        if (!session.finished()) {
            throw SessionException.conflict("the report is ready when the round is finished; answer the remaining "
                    + "questions or send the command 'end'");
        }
        return Reports.build(session, loopOf(session), knowledge);
    }

    /** Posts a system notice (for example that the LLM is unavailable) into a session's transcript. */
    public Message notice(String id, String text) {
        synchronized (lock(id)) {
            Session session = store.find(id).orElseThrow(() -> notFound(id));
            Play play = new Play(session, TurnListener.NONE);
            Message m = play.system(text);
            store.append(session, play.session());
            return m;
        }
    }

    /** The session, if the token is its token: 404 unknown id, 401 no token, 403 wrong token. */
    public Session authorize(String id, String token) {
        Session session = store.find(id).orElseThrow(() -> notFound(id));
        checkToken(id, session.tokenHash(), token);
        return session;
    }

    private static void checkToken(String id, String tokenHash, String token) {
        if (token == null || token.isBlank()) {
            throw new SessionException(401, "token", "this session needs its token: send 'Authorization: Bearer <token>' "
                    + "(or '?token=' on the WebSocket) with the token POST /api/sessions returned");
        }
        if (!SessionTokens.matches(token.strip(), tokenHash)) {
            throw new SessionException(403, "token", "the token does not belong to session " + id);
        }
    }

    /** How many sessions have a lock entry now (actions in flight); for tests of the bound. */
    long lockedSessions() {
        locks.cleanUp();
        return locks.estimatedSize();
    }

    public String interviewer() {
        return voice.name();
    }

    private void validate(Action action) {
        Objects.requireNonNull(action.command(), "command");
        String text = action.text();
        String field = "text";
        if ((action.command() == Command.ANSWER || action.command() == Command.RETRY || action.command() == Command.RUN)
                && (text == null || text.isBlank())) {
            throw SessionException.badInput(field, switch (action.command()) {
                case ANSWER -> "the answer in 'text' is empty; write an answer, or send the command 'hint', 'clarify' or 'skip'";
                case RUN -> "'run' needs the code to run in 'text'";
                default -> "'retry' needs the new answer in 'text'";
            });
        }
        if (action.command().carriesText() && text != null && text.length() > policy.maxAnswerChars()) {
            throw SessionException.badInput(field, "'text' is " + text.length() + " characters; answers are limited to "
                    + policy.maxAnswerChars() + ", shorten it");
        }
    }

    private static SessionException notFound(String id) {
        return new SessionException(404, null, "no session '" + id + "'; start one with POST /api/sessions");
    }

    private List<String> loopIds() {
        return knowledge.loops().stream().map(Loop::id).toList();
    }

    private Loop loopOf(Session session) {
        return rounds.loop(session.loopId(), session.roundId()).orElseThrow();
    }

    private Object lock(String id) {
        return locks.get(id, k -> new Object());
    }

    /** One action's work on a session: mutable copies of what changes, and the messages added. */
    private final class Play {

        private final Session base;
        private final Loop loop;
        private final Round round;
        private final Persona persona;
        private final TurnListener listener;
        private final List<Message> messages;
        private final List<QuestionState> questions;
        private final List<Message> added = new ArrayList<>();
        private final Instant now;
        private int planCursor;
        private SessionState state;
        private Instant finishedAt;
        private EndReason endReason;
        private ShownGrade newGrade;
        /** The test run behind the last grade given in this action, or null. */
        private Execution tested;

        Play(Session session, TurnListener listener) {
            this.base = session;
            this.loop = loopOf(session);
            this.round = loop.round(session.roundId()).orElseThrow();
            this.persona = knowledge.persona(session.personaId()).orElseThrow();
            this.listener = listener == null ? TurnListener.NONE : listener;
            this.messages = new ArrayList<>(session.messages());
            this.questions = new ArrayList<>(session.questions());
            this.planCursor = session.planCursor();
            this.state = session.state();
            this.finishedAt = session.finishedAt();
            this.endReason = session.endReason();
            this.now = clock.instant();
        }

        void handle(Action action) {
            boolean timeUp = !now.isBefore(base.endsAt());
            Command command = action.command();
            if (command == Command.RETRY) {
                retry(action.text(), timeUp);
                return;
            }
            QuestionState q = current();
            if (command == Command.RUN && !timeUp) {
                run(q, action.text());
                return;
            }
            Message said = candidate(command, action.text(), q.questionId());
            if (command == Command.END) {
                close(EndReason.CANDIDATE);
                return;
            }
            if (timeUp) {
                if (command == Command.ANSWER) {
                    grade(q, action.text(), said);
                }
                close(EndReason.TIME);
                return;
            }
            switch (command) {
                case ANSWER -> {
                    QuestionState graded = grade(q, action.text(), said);
                    apply(graded, decide(graded, graded.grade()));
                }
                case HINT -> hint(q);
                case CLARIFY, REPEAT -> say(Move.CLARIFY, context(Move.CLARIFY, q).prompt(prompt(q))
                        .candidateText(command == Command.CLARIFY ? blankToNull(action.text()) : null));
                case SKIP -> {
                    replaceCurrent(q.skippedIfUnanswered());
                    say(Move.MOVE_ON, context(Move.MOVE_ON, q));
                    advance();
                }
                default -> throw new IllegalStateException("unhandled command " + command);
            }
        }

        private void retry(String text, boolean timeUp) {
            int index = -1;
            for (int i = questions.size() - 1; i >= 0; i--) {
                if (questions.get(i).attempted()) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw SessionException.conflict("there is no answer to retry yet; answer the question first");
            }
            QuestionState target = questions.get(index);
            Question question = question(target);
            Message m = candidate(Command.RETRY, text, target.questionId());
            Grade fresh = capped(graded(GradingRequest.of(question, text)), target.hints());
            QuestionState retried = target.retried(text, fresh);
            questions.set(index, retried);
            attach(m, new ShownGrade(fresh, retried.previousScore(), tested));
            if (timeUp) {
                close(EndReason.TIME);
            } else if (index == questions.size() - 1) {
                apply(retried, decide(retried, fresh));
            } else {
                say(Move.ACKNOWLEDGE, context(Move.ACKNOWLEDGE, target).candidateText(text));
            }
        }

        /** Grades the answer together with the earlier ones to the same question; keeps the better grade. */
        private QuestionState grade(QuestionState q, String answer, Message said) {
            Question question = question(q);
            List<String> all = new ArrayList<>(q.answers());
            all.add(answer);
            // The oldest answers give way when the joined text would pass the answer limit.
            while (all.size() > 1 && String.join(JOIN, all).length() > policy.maxAnswerChars()) {
                all.remove(0);
            }
            Grade combined = capped(graded(GradingRequest.of(question, String.join(JOIN, all))), q.hints());
            boolean keepOld = q.grade() != null && q.grade().score() > combined.score() && tested == null;
            Grade kept = keepOld ? q.grade() : combined;
            QuestionState graded = q.answered(answer, kept);
            replaceCurrent(graded);
            attach(said, new ShownGrade(kept, null, tested));
            return graded;
        }

        /**
         * Grades with the configured grader, and runs a coding answer against its tests; when the grader fell back
         * (the LLM grader failed), says so in the chat.
         */
        private Grade graded(GradingRequest request) {
            Optional<CodingTask> task = coding == null ? Optional.empty() : coding.task(request.question());
            GradeOutcome outcome;
            if (task.isPresent()) {
                CodingService.Tested t = coding.grade(request, grader);
                tested = t.grade().execution();
                outcome = new GradeOutcome(t.grade().grade(), t.notice());
            } else {
                tested = null;
                outcome = grader.gradeWithNotice(request);
            }
            if (outcome.notice() != null && !outcome.notice().isBlank()) {
                system(outcome.notice());
            }
            return outcome.grade();
        }

        private Decision decide(QuestionState q, Grade grade) {
            Question question = question(q);
            FollowUp complexityFollowUp = coding == null ? null : coding.task(question)
                    .map(CodingTask::complexityFollowUp)
                    .flatMap(id -> question.followUps().stream().filter(f -> f.id().equals(id)).findFirst())
                    .orElse(null);
            return decider.decide(question, q, grade, this::asked, voice.composesFollowUps(), tested, complexityFollowUp);
        }

        /** The {@code run} command: the code against the visible examples; nothing is graded, nobody replies. */
        private void run(QuestionState q, String text) {
            Question question = question(q);
            CodingTask task = (coding == null ? Optional.<CodingTask>empty() : coding.task(question)).orElseThrow(() ->
                    SessionException.conflict("'run' runs code against a coding question's tests; question '"
                            + question.id() + "' has none, so answer it instead"));
            Execution result = coding.run(task, text, CodeRunner.Scope.VISIBLE);
            if (result.status() == Execution.Status.BUSY) {
                throw new SessionException(429, null, result.message());
            }
            Message m = new Message(messages.size() + 1, Role.CANDIDATE, Command.RUN.wireName(), text, q.questionId(),
                    null, now, null, result);
            append(m);
            listener.message(m);
        }

        private void apply(QuestionState q, Decision decision) {
            Question question = question(q);
            switch (decision) {
                case Decision.Challenge c -> {
                    replaceCurrent(q.followingUp(c.followUp() == null ? null : c.followUp().id(),
                            Decider.key(c.misconception())));
                    say(Move.CHALLENGE, context(Move.CHALLENGE, q)
                            .prompt(c.followUp() == null ? null : c.followUp().prompt())
                            .correction(c.misconception().correction()));
                }
                case Decision.Probe p when p.followUp() == null -> {
                    // the voice poses its own follow-up about the missed key point
                    replaceCurrent(q.followingUp(Decider.composedId(p.keyPointId()), null));
                    say(Move.PROBE, context(Move.PROBE, q));
                }
                case Decision.Probe p -> {
                    replaceCurrent(q.followingUp(p.followUp().id(), null));
                    say(Move.PROBE, context(Move.PROBE, q).prompt(p.followUp().prompt()));
                }
                case Decision.Drill d -> {
                    FollowUp f = d.followUp();
                    if (f.question() != null && knowledge.question(f.question()).isPresent()) {
                        replaceCurrent(q.drilledInto(f.id()));
                        QuestionState linked = QuestionState.asked(f.question(), q.number(), q.questionId());
                        questions.add(linked);
                        say(Move.DRILL, context(Move.DRILL, linked).prompt(f.prompt()));
                    } else {
                        replaceCurrent(q.drilling(f.id()));
                        say(Move.DRILL, context(Move.DRILL, q).prompt(f.prompt()));
                    }
                }
                case Decision.FailingTests f -> {
                    replaceCurrent(q.followingUp(f.followUpId(), null));
                    say(Move.FAILING_TESTS, context(Move.FAILING_TESTS, q).prompt(f.prompt()));
                }
                case Decision.Hint h -> {
                    replaceCurrent(q.hinted());
                    say(Move.HINT, context(Move.HINT, q).prompt(prompt(q)).hint(question.hints().get(h.index()),
                            h.index() + 1));
                }
                case Decision.Next n -> {
                    replaceCurrent(q.settled());
                    say(n.move(), context(n.move(), q));
                    advance();
                }
            }
        }

        private void hint(QuestionState q) {
            Question question = question(q);
            if (q.hints() < question.hints().size()) {
                replaceCurrent(q.hinted());
                say(Move.HINT, context(Move.HINT, q).prompt(prompt(q)).hint(question.hints().get(q.hints()), q.hints() + 1));
            } else {
                say(Move.HINT, context(Move.HINT, q).prompt(prompt(q)));
            }
        }

        /** Asks the next plan question, or closes the round when the budget is used up or time is over. */
        void advance() {
            if (!now.isBefore(base.endsAt())) {
                close(EndReason.TIME);
                return;
            }
            long planAsked = questions.stream().filter(q -> q.drillOf() == null).count();
            while (planCursor < round.questions().size() && asked(round.questions().get(planCursor))) {
                planCursor++;
            }
            if (planAsked >= round.budget() || planCursor >= round.questions().size()) {
                close(EndReason.BUDGET);
                return;
            }
            QuestionState next = QuestionState.asked(round.questions().get(planCursor++), (int) planAsked + 1, null);
            questions.add(next);
            say(Move.ASK, context(Move.ASK, next).prompt(question(next).prompt()));
        }

        private void close(EndReason reason) {
            QuestionState q = current();
            if (q != null) {
                replaceCurrent(q.skippedIfUnanswered());
            }
            if (reason == EndReason.TIME) {
                system("Time is up: this round had " + round.durationMinutes() + " minutes.");
            }
            state = SessionState.FINISHED;
            finishedAt = now;
            endReason = reason;
            say(Move.CLOSING, context(Move.CLOSING, null).endReason(reason));
        }

        private Message candidate(Command command, String text, String questionId) {
            Message m = new Message(messages.size() + 1, Role.CANDIDATE, command.wireName(),
                    text == null ? "" : text, questionId, null, now, null);
            append(m);
            listener.message(m);
            return m;
        }

        Message system(String text) {
            Message m = new Message(messages.size() + 1, Role.SYSTEM, Message.NOTICE, text, null, null, now, null);
            append(m);
            listener.message(m);
            return m;
        }

        void say(Move move, Ctx ctx) {
            int seq = messages.size() + 1;
            listener.start(seq, move, voice.name());
            Utterance u = voice.speak(ctx.build(seq), delta -> listener.delta(seq, delta));
            Message m = new Message(seq, Role.INTERVIEWER, move.wireName(), u.text(), ctx.questionId, u.speaker(), now,
                    null);
            append(m);
            listener.message(m);
            meters.counter(TURNS, "move", move.wireName()).increment();
            if (u.notice() != null && !u.notice().isBlank()) {
                system(u.notice());
            }
        }

        private void attach(Message m, ShownGrade shown) {
            Message graded = m.withGrade(shown);
            messages.set(m.seq() - 1, graded);
            added.set(added.indexOf(m), graded);
            newGrade = shown;
            if (base.mode() == Mode.PRACTICE) {
                listener.grade(m.seq(), shown);
            }
        }

        private void append(Message m) {
            messages.add(m);
            added.add(m);
        }

        private Grade capped(Grade g, int hints) {
            if (hints == 0) {
                return g;
            }
            double cap = policy.cap(hints);
            String took = hints == 1 ? "You took 1 hint" : "You took " + hints + " hints";
            String note = g.score() > cap
                    ? " Score capped at " + format(cap) + " of 5: " + took + ", and each hint lowers the maximum by "
                            + format(policy.hintPenalty()) + "."
                    : " " + took + ", so the most this answer could score was " + format(cap) + ".";
            String feedback = g.feedback() == null ? note.strip() : g.feedback().strip() + note;
            return new Grade(Math.min(g.score(), cap), g.grader(), g.basis(), g.questionId(), g.keyPoints(),
                    g.misconceptions(), g.flags(), feedback, g.modelAnswer(), g.references());
        }

        QuestionState current() {
            return questions.isEmpty() ? null : questions.get(questions.size() - 1);
        }

        private void replaceCurrent(QuestionState q) {
            questions.set(questions.size() - 1, q);
        }

        private Question question(QuestionState q) {
            return knowledge.question(q.questionId()).orElseThrow();
        }

        boolean asked(String questionId) {
            return questions.stream().anyMatch(q -> q.questionId().equals(questionId));
        }

        /** What is on the table: the pending follow-up's prompt, else the question's own. */
        private String prompt(QuestionState q) {
            Question question = question(q);
            return question.followUps().stream().filter(f -> f.id().equals(q.followUpId())).map(FollowUp::prompt)
                    .findFirst().orElse(question.prompt());
        }

        Ctx context(Move move, QuestionState q) {
            return new Ctx(move, q);
        }

        Session session() {
            return new Session(base.id(), base.tokenHash(), base.loopId(), base.roundId(), base.personaId(), base.mode(),
                    base.seed(), base.startedAt(), base.endsAt(), finishedAt, state, endReason, planCursor, questions,
                    messages);
        }

        Turn turn(Session saved) {
            boolean visible = saved.mode() == Mode.PRACTICE || saved.finished();
            return new Turn(SessionView.visible(saved, added), visible ? newGrade : null, saved.state(), saved.finished());
        }

        /** Builds the {@link MoveContext}: only what may be said, never the model answer or key point texts. */
        private final class Ctx {
            private final Move move;
            private final String questionId;
            private final QuestionState q;
            private String prompt;
            private String hint;
            private int hintNumber;
            private String correction;
            private String candidateText;
            private EndReason reason;

            Ctx(Move move, QuestionState q) {
                this.move = move;
                this.q = q;
                this.questionId = q == null ? null : q.questionId();
                this.candidateText = q == null || q.answers().isEmpty() ? null : q.answers().get(q.answers().size() - 1);
            }

            Ctx prompt(String value) {
                this.prompt = value;
                return this;
            }

            Ctx hint(String value, int number) {
                this.hint = value;
                this.hintNumber = number;
                return this;
            }

            Ctx correction(String value) {
                this.correction = value;
                return this;
            }

            Ctx candidateText(String value) {
                this.candidateText = value;
                return this;
            }

            Ctx endReason(EndReason value) {
                this.reason = value;
                return this;
            }

            MoveContext build(int seq) {
                Question question = q == null ? null : question(q);
                List<String> missed = q == null || q.grade() == null ? List.of()
                        : q.grade().missed().stream().map(KeyPointResult::id).toList();
                String previous = null;
                for (int i = messages.size() - 1; i >= 0; i--) {
                    Message m = messages.get(i);
                    if (m.isInterviewer() && m.move().equals(move.wireName())) {
                        previous = m.text();
                        break;
                    }
                }
                List<MoveContext.Line> history = messages.stream()
                        .map(m -> new MoveContext.Line(m.role(), m.move(), m.text()))
                        .collect(Collectors.toList());
                return new MoveContext(move, persona, loop.title(), round, base.mode(), questionId,
                        question == null ? null : question.title(), question == null ? null : question.topic(),
                        question == null ? null : question.kind(), prompt, hint, hintNumber,
                        question == null ? 0 : question.hints().size(), correction, candidateText, missed,
                        q != null && q.attempted(), reason, history, base.seed(), seq, previous);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

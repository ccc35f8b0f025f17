package dev.interviewloop.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewloop.knowledge.KnowledgeBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One round, turn by turn, with grades from the test table (see {@link Fixtures#tableGrader()}): what
 * the interviewer does next, what the candidate sees, and how the round ends.
 */
class InterviewEngineTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemorySessionStore store = new InMemorySessionStore();

    private InterviewEngine engine(KnowledgeBase kb) {
        return new InterviewEngine(kb, Fixtures.tableGrader(), new BuiltInVoice(), store, clock, meters, Policy.DEFAULT);
    }

    private final InterviewEngine engine = engine(Fixtures.knowledge());

    private Started start(String mode) {
        return engine.start("test-loop", "fundamentals", mode, TurnListener.NONE);
    }

    private Turn say(Started s, String text) {
        return engine.act(s.session().id(), s.token(), Action.answer(text), TurnListener.NONE);
    }

    private Turn command(Started s, Command c) {
        return engine.act(s.session().id(), s.token(), Action.of(c), TurnListener.NONE);
    }

    private static Message last(Turn t) {
        return t.messages().get(t.messages().size() - 1);
    }

    private static List<String> moves(Turn t) {
        return t.messages().stream().map(Message::move).toList();
    }

    @Test
    void theRoundOpensInThePersonasVoiceAndAsksTheFirstPlanQuestion() {
        Started s = start("practice");

        List<Message> m = s.session().messages();
        assertThat(m).extracting(Message::move).containsExactly("opening", "ask");
        assertThat(m.get(0).text()).isIn("I'm Kai, Tech lead. This is ML fundamentals.", "Let's start ML fundamentals.");
        assertThat(m.get(1).text()).endsWith("How do you tell a model overfits?");
        assertThat(m).allSatisfy(x -> assertThat(x.speaker()).isEqualTo("built-in"));
        assertThat(s.session().currentQuestion().id()).isEqualTo("overfit");
        assertThat(s.session().currentQuestion().number()).isEqualTo(1);
        assertThat(s.session().currentQuestion().of()).isEqualTo(3);
        assertThat(s.session().endsAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(s.token()).hasSize(43);
        assertThat(store.find(s.session().id()).orElseThrow().tokenHash()).isNotEqualTo(s.token()).hasSize(64);
    }

    @Test
    void practiceModeReturnsTheGradeWithTheAnswer() {
        Started s = start("practice");

        Turn t = say(s, "covers:gap,early-stop");

        assertThat(t.grade().score()).isEqualTo(3.5);
        assertThat(t.messages().get(0).role()).isEqualTo(Role.CANDIDATE);
        assertThat(t.messages().get(0).grade().score()).isEqualTo(3.5);
    }

    @Test
    void mockModeHidesGradesUntilTheRoundIsOver() {
        Started s = start("mock");

        Turn t = say(s, "covers:gap,early-stop");
        assertThat(t.grade()).isNull();
        assertThat(t.messages()).allSatisfy(m -> assertThat(m.grade()).isNull());
        assertThat(engine.view(s.session().id(), s.token()).messages()).allSatisfy(m -> assertThat(m.grade()).isNull());

        Turn end = command(s, Command.END);
        assertThat(end.done()).isTrue();
        assertThat(engine.view(s.session().id(), s.token()).messages()).anySatisfy(m -> assertThat(m.grade()).isNotNull());
    }

    @Test
    void aMissedKeyPointIsProbedWithItsFollowUp() {
        Started s = start("practice");

        Turn t = say(s, "covers:early-stop,regularize");

        assertThat(moves(t)).containsExactly("answer", "probe");
        assertThat(last(t).text()).contains("Which curves would you look at?");
        assertThat(engine.view(s.session().id(), s.token()).currentQuestion().id()).isEqualTo("overfit");
    }

    @Test
    void aProbeReplyIsGradedTogetherWithTheEarlierAnswer() {
        Started s = start("practice");
        say(s, "covers:early-stop,regularize");

        Turn t = say(s, "covers:gap");

        assertThat(t.grade().score()).isEqualTo(5.0);
        assertThat(t.grade().grade().covered()).hasSize(3);
    }

    @Test
    void aWorseReplyToAProbeNeverLowersTheQuestionsGrade() {
        Started s = start("practice");
        say(s, "covers:early-stop,regularize");

        Turn t = say(s, "says:low-train-loss");

        assertThat(t.grade().score()).isEqualTo(2.5);
        assertThat(t.grade().grade().misconceptions()).isEmpty();
    }

    @Test
    void aStatedMisconceptionIsChallengedWithTheSocraticFollowUp() {
        Started s = start("practice");

        Turn t = say(s, "covers:gap,regularize,early-stop says:more-epochs");

        assertThat(moves(t)).containsExactly("answer", "challenge");
        assertThat(last(t).text()).isEqualTo(
                "Hold on. If validation loss is already rising, what happens when you train longer? Do you want to revise that?");
    }

    @Test
    void aStrongAnswerIsDrilledIntoTheLinkedBankQuestionGradedOnItsOwnRubric() {
        Started s = start("practice");

        Turn t = say(s, "covers:gap,regularize,early-stop");
        assertThat(moves(t)).containsExactly("answer", "drill");
        assertThat(last(t).questionId()).isEqualTo("l1");
        assertThat(engine.view(s.session().id(), s.token()).currentQuestion().id()).isEqualTo("l1");

        Turn drill = say(s, "covers:corners,constant-pull");
        assertThat(drill.grade().grade().questionId()).isEqualTo("l1");
        assertThat(drill.grade().score()).isEqualTo(5.0);
        assertThat(moves(drill)).containsExactly("answer", "acknowledge", "ask");
        assertThat(last(drill).questionId()).isEqualTo("kfold");
        assertThat(engine.view(s.session().id(), s.token()).currentQuestion().number()).isEqualTo(2);
    }

    @Test
    void hintsComeInLadderOrderAndTheLastOneSaysTheLadderIsDone() {
        Started s = start("practice");

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            texts.add(last(command(s, Command.HINT)).text());
        }

        assertThat(texts.get(0)).contains("Think about data the model has not seen.");
        assertThat(texts.get(1)).contains("Plot both losses against epochs.");
        assertThat(texts.get(2)).contains("Training loss falls while validation loss rises.");
        assertThat(texts.get(3)).contains("last hint").contains("How do you tell a model overfits?");
        assertThat(engine.view(s.session().id(), s.token()).currentQuestion().hintsLeft()).isZero();
    }

    @Test
    void eachHintLowersTheMostTheAnswerCanScoreAndTheFeedbackSaysSo() {
        Started s = start("practice");
        command(s, Command.HINT);
        command(s, Command.HINT);

        Turn t = say(s, "covers:gap,regularize,early-stop");

        assertThat(t.grade().score()).isEqualTo(4.0);
        assertThat(t.grade().grade().feedback()).contains("capped at 4.0").contains("2 hints");
    }

    @Test
    void aStuckCandidateIsGivenTheNextHintWithoutAsking() {
        Started s = start("practice");

        Turn t = say(s, "I don't know flag:NON_ANSWER");

        assertThat(moves(t)).containsExactly("answer", "hint");
        assertThat(last(t).text()).contains("Think about data the model has not seen.");
    }

    @Test
    void retryReplacesTheGradeEvenWhenLowerAndShowsTheScoreItReplaced() {
        Started s = start("practice");
        say(s, "covers:gap,early-stop");
        command(s, Command.SKIP);

        Turn t = engine.act(s.session().id(), s.token(), new Action(Command.RETRY, "covers:early-stop"), TurnListener.NONE);

        assertThat(t.messages().get(0).move()).isEqualTo("retry");
        assertThat(t.messages().get(0).questionId()).isEqualTo("overfit");
        assertThat(t.grade().score()).isEqualTo(1.0);
        assertThat(t.grade().previousScore()).isEqualTo(3.5);
        assertThat(moves(t)).containsExactly("retry", "acknowledge");
        assertThat(engine.view(s.session().id(), s.token()).currentQuestion().id()).isEqualTo("kfold");
    }

    @Test
    void retryBeforeAnyAnswerIsAConflict() {
        Started s = start("practice");

        assertThatThrownBy(() -> engine.act(s.session().id(), s.token(), new Action(Command.RETRY, "x"), null))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void skipMarksTheQuestionSkippedAndAsksTheNextOne() {
        Started s = start("practice");

        Turn t = command(s, Command.SKIP);

        assertThat(moves(t)).containsExactly("skip", "move-on", "ask");
        assertThat(store.find(s.session().id()).orElseThrow().questions().get(0).skipped()).isTrue();
    }

    @Test
    void clarifyAndRepeatRestateThePromptOnTheTable() {
        Started s = start("practice");
        say(s, "covers:early-stop,regularize");

        Turn clarify = engine.act(s.session().id(), s.token(), new Action(Command.CLARIFY, "which curves?"), null);
        Turn repeat = command(s, Command.REPEAT);

        assertThat(last(clarify).move()).isEqualTo("clarify");
        assertThat(last(clarify).text()).isEqualTo("To be precise, I'm asking: Which curves would you look at?");
        assertThat(last(repeat).text()).contains("Which curves would you look at?");
    }

    @Test
    void theRoundClosesWhenThePlanIsDoneAndTheReportIsReady() {
        Started s = start("practice");
        command(s, Command.SKIP);
        command(s, Command.SKIP);

        Turn t = command(s, Command.SKIP);

        assertThat(moves(t)).containsExactly("skip", "move-on", "closing");
        assertThat(t.done()).isTrue();
        assertThat(t.state()).isEqualTo(SessionState.FINISHED);
        Report r = engine.report(s.session().id(), s.token());
        assertThat(r.endReason()).isEqualTo(EndReason.BUDGET);
        assertThat(r.questions()).extracting(Report.QuestionScore::status).containsOnly("skipped");
        assertThat(r.verdict()).isEqualTo("no hire");
    }

    @Test
    void aQuestionBudgetStopsTheRoundBeforeThePlanEnds() {
        InterviewEngine e = engine(Fixtures.knowledge(Fixtures.round(1, List.of("overfit", "kfold", "conflict"))));
        Started s = e.start("test-loop", "fundamentals", "practice", null);

        Turn t = e.act(s.session().id(), s.token(), Action.of(Command.SKIP), null);

        assertThat(moves(t)).containsExactly("skip", "move-on", "closing");
    }

    @Test
    void theFirstActionAfterTheTimeIsUpIsGradedAndClosesTheRound() {
        Started s = start("practice");
        clock.advance(Duration.ofMinutes(61));

        Turn t = say(s, "covers:gap,early-stop");

        assertThat(t.grade().score()).isEqualTo(3.5);
        assertThat(moves(t)).containsExactly("answer", "notice", "closing");
        assertThat(t.messages().get(1).text()).contains("Time is up").contains("60 minutes");
        Report r = engine.report(s.session().id(), s.token());
        assertThat(r.endReason()).isEqualTo(EndReason.TIME);
        assertThat(r.questions()).extracting(Report.QuestionScore::status).containsExactly("answered", "not-asked", "not-asked");
        assertThat(r.averageScore()).isEqualTo(1.17);
    }

    @Test
    void aFinishedRoundRefusesFurtherActions() {
        Started s = start("practice");
        command(s, Command.END);

        assertThatThrownBy(() -> say(s, "covers:gap"))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void theReportIsAConflictWhileTheRoundRuns() {
        Started s = start("practice");

        assertThatThrownBy(() -> engine.report(s.session().id(), s.token()))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void tokensAreChecked() {
        Started s = start("practice");
        String id = s.session().id();

        assertThatThrownBy(() -> engine.view(id, null)).isInstanceOfSatisfying(SessionException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> engine.view(id, "not-the-token")).isInstanceOfSatisfying(SessionException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> engine.view("no-such-id", s.token())).isInstanceOfSatisfying(SessionException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void emptyAndOversizedAnswersAreRefusedNamingTheField() {
        Started s = start("practice");

        assertThatThrownBy(() -> say(s, "  ")).isInstanceOfSatisfying(SessionException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("text");
        });
        assertThatThrownBy(() -> say(s, "x".repeat(20_001))).isInstanceOfSatisfying(SessionException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("20001").contains("20000");
        });
    }

    @Test
    void unknownLoopRoundOrModeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> engine.start("nope", "fundamentals", "practice", null))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.field()).isEqualTo("loop"));
        assertThatThrownBy(() -> engine.start("test-loop", "nope", "practice", null))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.field()).isEqualTo("round"));
        assertThatThrownBy(() -> engine.start("test-loop", "fundamentals", "exam", null))
                .isInstanceOfSatisfying(SessionException.class, e -> {
                    assertThat(e.field()).isEqualTo("mode");
                    assertThat(e.getMessage()).contains("practice").contains("mock");
                });
    }

    @Test
    void theListenerSeesTheCandidateThenEachInterviewerMessageStreamedThenTheGrade() {
        Started s = start("practice");
        List<String> events = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        TurnListener listener = new TurnListener() {
            @Override
            public void message(Message m) {
                events.add("message:" + m.move());
            }

            @Override
            public void start(int seq, Move move, String speaker) {
                events.add("start:" + move.wireName() + ":" + speaker);
            }

            @Override
            public void delta(int seq, String text) {
                streamed.append(text);
            }

            @Override
            public void grade(int seq, ShownGrade grade) {
                events.add("grade:" + seq);
            }
        };

        Turn t = engine.act(s.session().id(), s.token(), Action.answer("covers:early-stop,regularize"), listener);

        assertThat(events).containsExactly("message:answer", "grade:3", "start:probe:built-in", "message:probe");
        assertThat(streamed.toString()).isEqualTo(last(t).text());
    }

    @Test
    void turnsAndTheirLatencyAreRecorded() {
        Started s = start("practice");
        say(s, "covers:early-stop,regularize");

        assertThat(meters.counter(InterviewEngine.TURNS, "move", "probe").count()).isEqualTo(1.0);
        assertThat(meters.counter(InterviewEngine.TURNS, "move", "opening").count()).isEqualTo(1.0);
        assertThat(meters.timer(InterviewEngine.LATENCY, "command", "answer").count()).isEqualTo(1);
    }

    @Test
    void theReportGivesScoresStrengthsWithEvidenceGapsAndWhatToStudy() {
        Started s = start("practice");
        say(s, "covers:gap,regularize,early-stop");   // strong -> drill into l1
        say(s, "covers:constant-pull");               // weak l1 -> weak probe
        command(s, Command.SKIP);                     // -> kfold
        say(s, "covers:bias-variance,cost");          // strong, no strong follow-up
        command(s, Command.END);

        Report r = engine.report(s.session().id(), s.token());

        assertThat(r.questions()).extracting(Report.QuestionScore::questionId).containsExactly("overfit", "l1", "kfold", "conflict");
        assertThat(r.questions()).extracting(Report.QuestionScore::score).containsExactly(5.0, 1.5, 5.0, 0.0);
        assertThat(r.questions().get(1).drillOf()).isEqualTo("overfit");
        assertThat(r.questions().get(3).status()).isEqualTo("skipped");
        assertThat(r.averageScore()).isEqualTo(2.88);
        assertThat(r.verdict()).isEqualTo("lean no hire");
        assertThat(r.strengths()).anySatisfy(x -> assertThat(x).contains("Compare training and validation loss")
                .contains("you said: \"covers:gap\""));
        assertThat(r.gaps()).anySatisfy(x -> assertThat(x).contains("missed: The L1 ball has corners on the axes."));
        assertThat(r.study()).extracting(Report.Study::url)
                .containsExactly("/notes/regularization#why-l1-gives-sparse-solutions", "/notes/cv#choosing-k");
        assertThat(r.study().get(0).title()).isEqualTo("Overfitting and regularisation");
    }

    @Test
    void verdictsFollowTheBar() {
        assertThat(List.of(Report.verdict(4.25, 3.5), Report.verdict(3.5, 3.5), Report.verdict(2.75, 3.5),
                Report.verdict(2.7, 3.5))).containsExactly("strong hire", "hire", "lean no hire", "no hire");
    }

    @Test
    void aVoiceNoticeBecomesASystemMessage() {
        InterviewerVoice failing = new InterviewerVoice() {
            @Override
            public String name() {
                return "llm";
            }

            @Override
            public Utterance speak(MoveContext ctx, java.util.function.Consumer<String> onDelta) {
                Utterance u = new BuiltInVoice().speak(ctx, onDelta);
                return new Utterance(u.text(), "built-in", "The LLM is unavailable; continuing with the built-in interviewer.");
            }
        };
        InterviewEngine e = new InterviewEngine(Fixtures.knowledge(), Fixtures.tableGrader(), failing, store, clock, meters,
                Policy.DEFAULT);

        Started s = e.start("test-loop", "fundamentals", "practice", null);

        assertThat(s.session().messages()).extracting(Message::role)
                .containsExactly(Role.INTERVIEWER, Role.SYSTEM, Role.INTERVIEWER, Role.SYSTEM);
        assertThat(s.session().interviewer()).isEqualTo("llm");
        assertThat(s.session().messages().get(0).speaker()).isEqualTo("built-in");
    }

    @Test
    void actionsOnUnknownSessionsOrWithAWrongTokenLeaveNothingBehind() {
        // given: a real session, and a stranger who knows its id but not its token
        Started s = start("practice");
        java.util.concurrent.atomic.AtomicInteger bodiesRead = new java.util.concurrent.atomic.AtomicInteger();

        // when: thousands of answers to random ids and to the real id with bogus tokens
        for (int i = 0; i < 5_000; i++) {
            String id = i % 2 == 0 ? java.util.UUID.randomUUID().toString() : s.session().id();
            assertThatThrownBy(() -> engine.act(id, "bogus", () -> {
                bodiesRead.incrementAndGet();
                return Action.answer("a");
            }, TurnListener.NONE)).isInstanceOfSatisfying(SessionException.class,
                    e -> assertThat(e.status()).isIn(403, 404));
        }

        // then: no lock was made, no body read, and the session is as it was
        assertThat(engine.lockedSessions()).isZero();
        assertThat(bodiesRead).hasValue(0);
        assertThat(store.find(s.session().id()).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void theLockTableHoldsOnlySessionsWithAnActionInFlight() throws Exception {
        // given: many sessions, each answered once
        for (int i = 0; i < 200; i++) {
            say(start("practice"), "covers:gap");
        }

        // then: once the actions are done, their locks can go (weakly held: the collector takes them)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return engine.lockedSessions() == 0;
        });
    }

    @Test
    void aTurnThatLosesTheRaceToAnotherInstancesTurnIsPlayedAgainOnItsResult() {
        // given: a store in which another instance stores a 'repeat' on the session just before this turn is stored
        InMemorySessionStore shared = new InMemorySessionStore();
        InterviewEngine elsewhere = new InterviewEngine(Fixtures.knowledge(), Fixtures.tableGrader(), new BuiltInVoice(),
                shared, clock, meters, Policy.DEFAULT);
        java.util.concurrent.atomic.AtomicReference<Started> started = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        SessionStore racing = new SessionStore() {
            public java.util.Optional<Session> find(String id) {
                return shared.find(id);
            }

            public void save(Session session) {
                shared.save(session);
            }

            public void append(Session before, Session after) {
                if (raced.compareAndSet(false, true)) {
                    elsewhere.act(started.get().session().id(), started.get().token(), Action.of(Command.REPEAT),
                            TurnListener.NONE);
                }
                shared.append(before, after);
            }

            public List<Session> all() {
                return shared.all();
            }
        };
        InterviewEngine here = new InterviewEngine(Fixtures.knowledge(), Fixtures.tableGrader(), new BuiltInVoice(),
                racing, clock, meters, Policy.DEFAULT);
        started.set(here.start("test-loop", "fundamentals", "practice", TurnListener.NONE));
        List<SessionView> replays = new ArrayList<>();

        // when: this instance answers
        Turn turn = here.act(started.get().session().id(), started.get().token(), Action.answer("covers:gap"),
                new TurnListener() {
                    @Override
                    public void replayed(SessionView session) {
                        replays.add(session);
                    }
                });

        // then: both turns are stored, once each, the other instance's first; the listener was told
        List<Message> stored = shared.find(started.get().session().id()).orElseThrow().messages();
        assertThat(stored).extracting(Message::move).startsWith("opening", "ask", "repeat", "clarify", "answer");
        assertThat(stored).filteredOn(m -> m.move().equals("answer")).hasSize(1);
        assertThat(stored).extracting(Message::seq).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(turn.messages().get(0).seq()).isEqualTo(5);
        assertThat(replays).singleElement().satisfies(v -> assertThat(v.messages()).hasSize(4));
    }
}

package dev.interviewloop.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.knowledge.FollowUp;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interviewer without an LLM: persona templates, filled in, picked per session, streamed in pieces. */
class BuiltInVoiceTest {

    private final BuiltInVoice voice = new BuiltInVoice();
    private final Persona kai = Fixtures.persona();
    private final Round round = Fixtures.round(0, List.of("overfit"));

    private MoveContext ctx(Move move, String prompt, String hint, String correction, long seed, int seq, String previous) {
        return ctx(kai, round, move, prompt, hint, correction, seed, seq, previous);
    }

    private static MoveContext ctx(Persona p, Round r, Move move, String prompt, String hint, String correction, long seed,
                                   int seq, String previous) {
        return new MoveContext(move, p, "Loop", r, Mode.PRACTICE, "q", "Title", "topic", null, prompt, hint,
                hint == null ? 0 : 1, 3, correction, null, List.of(), false, null, List.of(), seed, seq, previous);
    }

    @Test
    void placeholdersAreFilledFromThePersonaAndTheRound() {
        String text = voice.speak(ctx(Move.OPENING, null, null, null, 0, 1, null), d -> { }).text();

        assertThat(text).isIn("I'm Kai, Tech lead. This is ML fundamentals.", "Let's start ML fundamentals.");
    }

    @Test
    void theSameSessionAndPositionAlwaysGetTheSameLine() {
        for (int seq = 1; seq < 20; seq++) {
            String a = voice.speak(ctx(Move.ACKNOWLEDGE, null, null, null, 42, seq, null), d -> { }).text();
            String b = voice.speak(ctx(Move.ACKNOWLEDGE, null, null, null, 42, seq, null), d -> { }).text();
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void differentSessionsUseDifferentLines() {
        List<String> picked = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            picked.add(voice.speak(ctx(Move.ACKNOWLEDGE, null, null, null, seed, 5, null), d -> { }).text());
        }
        assertThat(picked).contains("OK.", "Fine.", "Right.");
    }

    @Test
    void aMoveNeverRepeatsTheLineItUsedLastTime() {
        for (long seed = 0; seed < 50; seed++) {
            String previous = null;
            for (int seq = 1; seq < 10; seq++) {
                String text = voice.speak(ctx(Move.ACKNOWLEDGE, null, null, null, seed, seq, previous), d -> { }).text();
                assertThat(text).isNotEqualTo(previous);
                previous = text;
            }
        }
    }

    @Test
    void theDeltasMakeUpTheWholeText() {
        StringBuilder streamed = new StringBuilder();
        List<String> pieces = new ArrayList<>();

        Utterance u = voice.speak(ctx(Move.PROBE, "Which curves would you look at?", null, null, 7, 3, null), d -> {
            streamed.append(d);
            pieces.add(d);
        });

        assertThat(streamed.toString()).isEqualTo(u.text());
        assertThat(pieces).hasSizeGreaterThan(3);
        assertThat(u.speaker()).isEqualTo("built-in");
    }

    @Test
    void aLineWithoutThePlaceholderStillCarriesTheHint() {
        Persona terse = new Persona("t", "T", "r", "s", "t", "p", List.of(), "o", 3,
                java.util.Map.of(dev.interviewloop.knowledge.VoiceLine.HINT, List.of("Think.")));

        String text = voice.speak(ctx(terse, round, Move.HINT, "Q?", "Plot both losses.", null, 1, 1, null), d -> { }).text();

        assertThat(text).isEqualTo("Think. Plot both losses.");
    }

    @Test
    void aChallengeWithoutAFollowUpStatesTheCorrection() {
        String text = voice.speak(ctx(Move.CHALLENGE, null, null, "More epochs make it worse.", 1, 1, null), d -> { }).text();

        assertThat(text).isEqualTo("Hold on. More epochs make it worse. Do you want to revise that?");
    }

    /**
     * Every line the built-in interviewer can say about a question before the candidate has answered it
     * (asking it, clarifying it, each hint, each follow-up prompt), for every question of every round in
     * knowledge/, in the voice of the round's persona: none contains the model answer or a key point's text.
     */
    @Test
    void beforeAnAttemptNothingTheInterviewerSaysContainsTheModelAnswerOrAKeyPoint() {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("knowledge"));
        int checked = 0;
        for (Loop loop : kb.loops()) {
            for (Round r : loop.rounds()) {
                Persona p = kb.persona(r.persona()).orElseThrow();
                for (String id : r.questions()) {
                    Question q = kb.question(id).orElseThrow();
                    List<MoveContext> said = new ArrayList<>();
                    for (int seq = 1; seq <= 6; seq++) {
                        said.add(ctx(p, r, Move.ASK, q.prompt(), null, null, seq, seq, null));
                        said.add(ctx(p, r, Move.CLARIFY, q.prompt(), null, null, seq, seq, null));
                        for (String hint : q.hints()) {
                            said.add(ctx(p, r, Move.HINT, q.prompt(), hint, null, seq, seq, null));
                        }
                        said.add(ctx(p, r, Move.HINT, q.prompt(), null, null, seq, seq, null));
                        for (FollowUp f : q.followUps()) {
                            Move move = f.on() == FollowUp.On.STRONG ? Move.DRILL : Move.PROBE;
                            said.add(ctx(p, r, move, f.prompt(), null, null, seq, seq, null));
                        }
                    }
                    for (MoveContext c : said) {
                        String text = voice.speak(c, d -> { }).text();
                        assertThat(text).as("%s %s of %s", c.move(), id, r.id()).isNotBlank();
                        for (String giveaway : Giveaways.of(q)) {
                            assertThat(Giveaways.normal(text)).as("%s of %s gives the answer away", c.move(), id)
                                    .doesNotContain(giveaway);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

}

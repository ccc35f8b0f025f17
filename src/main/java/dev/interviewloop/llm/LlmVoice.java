package dev.interviewloop.llm;

import dev.interviewloop.interview.BuiltInVoice;
import dev.interviewloop.interview.InterviewerVoice;
import dev.interviewloop.interview.Move;
import dev.interviewloop.interview.MoveContext;
import dev.interviewloop.interview.Utterance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The interviewer's voice when an LLM is configured (it replaces the engine's default
 * {@link BuiltInVoice}): the {@link LlmInterviewer} words the move and streams it. When the model
 * fails, the built-in voice words the same move and the utterance carries a notice for the chat,
 * so the session goes on and the candidate knows why the voice changed. Without an LLM it is the
 * built-in voice and no model is ever called.
 */
@Singleton
public class LlmVoice implements InterviewerVoice {

    /** The built-in voice's prompt for a probe the LLM was to compose and could not. */
    static final String GENERIC_PROBE = "What would you add to your answer? Think about what it leaves out.";

    private final LlmInterviewer llm;
    private final BuiltInVoice builtIn;

    public LlmVoice(LlmInterviewer llm, BuiltInVoice builtIn) {
        this.llm = llm;
        this.builtIn = builtIn;
    }

    @Override
    public String name() {
        return llm.enabled() ? LlmMode.INTERVIEWER_LLM : builtIn.name();
    }

    @Override
    public boolean composesFollowUps() {
        return llm.available();
    }

    @Override
    public Utterance speak(MoveContext ctx, Consumer<String> onDelta) {
        if (!llm.enabled()) {
            return builtIn.speak(ctx, onDelta);
        }
        AtomicBoolean streamed = new AtomicBoolean();
        try {
            String text = llm.word(turn(ctx), delta -> {
                streamed.set(true);
                onDelta.accept(delta);
            });
            return Utterance.of(text, LlmMode.INTERVIEWER_LLM);
        } catch (LlmException e) {
            MoveContext fallback = needsPrompt(ctx) ? withPrompt(ctx, GENERIC_PROBE) : ctx;
            // tokens the LLM already streamed are replaced by the complete built-in message; no second stream
            Utterance said = builtIn.speak(fallback, streamed.get() ? d -> { } : onDelta);
            return new Utterance(said.text(), said.speaker(), notice(e, ctx));
        }
    }

    /** The chat notice for a fallback; a skipped call says so once per session, not on every message. */
    static String notice(LlmException e, MoveContext ctx) {
        String text = "The LLM interviewer is unavailable (" + e.getMessage() + "); the built-in interviewer "
                + "continues.";
        if (e.skipped() && ctx.history().stream().anyMatch(l -> l.role() == dev.interviewloop.interview.Role.SYSTEM
                && l.text().startsWith("The LLM interviewer is unavailable"))) {
            return null;
        }
        return text;
    }

    private static boolean needsPrompt(MoveContext ctx) {
        return (ctx.move() == Move.PROBE || ctx.move() == Move.DRILL) && (ctx.prompt() == null || ctx.prompt().isBlank());
    }

    static InterviewerTurn turn(MoveContext c) {
        List<InterviewerTurn.Line> history = c.history().stream()
                .map(l -> new InterviewerTurn.Line(l.role().wireName(), l.text()))
                .toList();
        return new InterviewerTurn(c.move().line(), c.persona(), c.loopTitle(), c.round().title(), c.questionId(),
                c.questionTitle(), c.prompt(), c.hint(), c.hintNumber(), c.hintCount(), c.correction(), c.candidateText(),
                c.missedKeyPoints(), c.attempted(), c.endReason() == null ? null : reason(c.endReason()), history);
    }

    private static String reason(dev.interviewloop.interview.EndReason reason) {
        return switch (reason) {
            case BUDGET -> "every question has been asked";
            case TIME -> "the time is up";
            case CANDIDATE -> "the candidate ended the round";
        };
    }

    private static MoveContext withPrompt(MoveContext c, String prompt) {
        return new MoveContext(c.move(), c.persona(), c.loopTitle(), c.round(), c.mode(), c.questionId(), c.questionTitle(),
                c.topic(), c.kind(), prompt, c.hint(), c.hintNumber(), c.hintCount(), c.correction(), c.candidateText(),
                c.missedKeyPoints(), c.attempted(), c.endReason(), c.history(), c.seed(), c.seq(), c.previousLine());
    }
}

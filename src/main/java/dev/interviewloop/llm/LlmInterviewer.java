package dev.interviewloop.llm;

import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The LLM interviewer: words the move the engine decided, as the round's persona, for the
 * candidate's actual answer, grounded in the passages retrieved for the current question, and
 * streams it token by token. It never sees the model answer or a key point's text; reference
 * passages only once the candidate has tried the question (see {@link InterviewerTurn#grounded()}).
 * Failures surface as {@link LlmException}; the caller falls back to the built-in interviewer.
 */
@Singleton
public class LlmInterviewer {

    private final LlmClient client;
    private final Grounding grounding;
    private final KnowledgeBase knowledge;
    private final LlmConfig config;

    public LlmInterviewer(LlmClient client, Grounding grounding, KnowledgeBase knowledge, LlmConfig config) {
        this.client = client;
        this.grounding = grounding;
        this.knowledge = knowledge;
        this.config = config;
    }

    public boolean enabled() {
        return client.enabled();
    }

    /** Whether a call would be made now: an LLM is configured and the interviewer is not cooling down after a failure. */
    public boolean available() {
        return client.available(Role.INTERVIEWER);
    }

    /** Words the move, passing each token to {@code onDelta} as it arrives; returns the whole reply. */
    public String word(InterviewerTurn turn, Consumer<String> onDelta) {
        return client.stream(Role.INTERVIEWER, request(turn), onDelta).strip();
    }

    ChatRequest request(InterviewerTurn turn) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(InterviewerPrompt.system(turn)),
                        UserMessage.from(InterviewerPrompt.user(turn, passages(turn))))
                .build();
    }

    /** The passages for a grounded move: matched to the question, the follow-up and what the candidate missed. */
    List<GroundingPassage> passages(InterviewerTurn turn) {
        if (!turn.grounded() || turn.questionId() == null) {
            return List.of();
        }
        Optional<Question> question = knowledge.question(turn.questionId());
        List<String> query = new ArrayList<>();
        question.ifPresent(q -> query.add(q.prompt()));
        if (turn.prompt() != null) {
            query.add(turn.prompt());
        }
        if (turn.correction() != null) {
            query.add(turn.correction());
        }
        // the missed points steer retrieval only; their text never reaches the prompt
        question.ifPresent(q -> turn.missedKeyPoints().stream().map(q::keyPoint).flatMap(Optional::stream)
                .map(KeyPoint::text).forEach(query::add));
        return grounding.forQuestion(question.orElse(null), String.join("\n", query), config.passages());
    }
}

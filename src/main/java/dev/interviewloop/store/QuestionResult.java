package dev.interviewloop.store;

import dev.interviewloop.grading.Grade;
import dev.interviewloop.interview.Message;
import dev.interviewloop.interview.QuestionState;
import dev.interviewloop.interview.Session;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One question's result in one session: the evidence behind progress, weak topics and spaced repetition.
 *
 * @param position the question's position among the session's asked questions, 1-based
 * @param score the question's grade (after the hint cap), or 0 when it was skipped
 * @param gradedAt when the grade was given (the latest graded message about it), or when it was skipped
 */
public record QuestionResult(String sessionId, int position, String questionId, String topic, double score, int hints,
                             boolean skipped, Instant gradedAt) {

    /** A topic for questions the knowledge base no longer has. */
    public static final String UNKNOWN_TOPIC = "unknown";

    /** The results of a session: every asked question that has a grade or was skipped; the open one is left out. */
    public static List<QuestionResult> of(Session s, KnowledgeBase kb) {
        List<QuestionResult> results = new ArrayList<>();
        List<QuestionState> questions = s.questions();
        for (int i = 0; i < questions.size(); i++) {
            QuestionState q = questions.get(i);
            Grade g = q.grade();
            if (g == null && !q.skipped()) {
                continue;
            }
            String topic = kb.question(q.questionId()).map(Question::topic).orElse(UNKNOWN_TOPIC);
            results.add(new QuestionResult(s.id(), i + 1, q.questionId(), topic, g == null ? 0 : g.score(), q.hints(),
                    g == null, when(s, q.questionId(), g != null)));
        }
        return results;
    }

    /** The latest message about the question carrying a grade (or, when skipped, the latest about it at all). */
    private static Instant when(Session s, String questionId, boolean graded) {
        List<Message> messages = s.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (questionId.equals(m.questionId()) && (!graded || m.grade() != null) && m.at() != null) {
                return m.at();
            }
        }
        return s.finishedAt() != null ? s.finishedAt() : s.startedAt();
    }
}

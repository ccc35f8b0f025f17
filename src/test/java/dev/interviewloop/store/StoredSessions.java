package dev.interviewloop.store;

import dev.interviewloop.grading.Citation;
import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.interview.EndReason;
import dev.interviewloop.interview.Message;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.QuestionState;
import dev.interviewloop.interview.Role;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionState;
import dev.interviewloop.interview.SessionTokens;
import dev.interviewloop.interview.ShownGrade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sessions of the ML fundamentals round built as the engine would store them, with chosen scores at chosen times.
 * Topics (from knowledge/): overfitting-detection, l1-sparsity, kfold-choice are "generalization";
 * xgboost-objective is "trees"; feature-selection is "features".
 */
final class StoredSessions {

    static final String LOOP = "nvidia-ml-engineer";
    static final String ROUND = "ml-fundamentals";
    static final String PERSONA = "rapid-fire-tech-lead";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private StoredSessions() {
    }

    /** One question's outcome: a score, or skipped (score null). */
    record Answer(String questionId, Double score, int hints) {
        static Answer scored(String questionId, double score) {
            return new Answer(questionId, score, 0);
        }

        static Answer skipped(String questionId) {
            return new Answer(questionId, null, 0);
        }
    }

    static Session finished(Mode mode, Instant start, Answer... answers) {
        return session(UUID.randomUUID().toString(), "token-" + UUID.randomUUID(), mode, start, true, answers);
    }

    static Session running(Mode mode, Instant start, Answer... answers) {
        return session(UUID.randomUUID().toString(), "token-" + UUID.randomUUID(), mode, start, false, answers);
    }

    /**
     * A session whose questions were answered one a minute after {@code start}. A running session also has an open
     * question after them (asked, not answered).
     */
    static Session session(String id, String token, Mode mode, Instant start, boolean finished, Answer... answers) {
        List<QuestionState> questions = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        messages.add(new Message(1, Role.INTERVIEWER, "opening", "Let's start.", null, "built-in", start, null));
        Instant at = start;
        for (int i = 0; i < answers.length; i++) {
            Answer a = answers[i];
            at = start.plus(Duration.ofMinutes(i + 1));
            messages.add(new Message(messages.size() + 1, Role.INTERVIEWER, "ask", "Question " + (i + 1), a.questionId(),
                    "built-in", at.minusSeconds(30), null));
            QuestionState q = QuestionState.asked(a.questionId(), i + 1, null);
            for (int h = 0; h < a.hints(); h++) {
                q = q.hinted();
            }
            if (a.score() == null) {
                messages.add(new Message(messages.size() + 1, Role.CANDIDATE, "skip", "", a.questionId(), null, at, null));
                q = q.skippedIfUnanswered();
            } else {
                Grade g = grade(a.questionId(), a.score());
                String text = "My answer to " + a.questionId();
                q = q.answered(text, g).settled();
                messages.add(new Message(messages.size() + 1, Role.CANDIDATE, "answer", text, a.questionId(), null, at,
                        ShownGrade.of(g)));
            }
            questions.add(q);
        }
        if (!finished) {
            questions.add(QuestionState.asked("feature-selection", answers.length + 1, null));
            messages.add(new Message(messages.size() + 1, Role.INTERVIEWER, "ask", "Next", "feature-selection",
                    "built-in", at.plusSeconds(10), null));
        } else {
            messages.add(new Message(messages.size() + 1, Role.INTERVIEWER, "closing", "Thanks.", null, "built-in",
                    at.plusSeconds(20), null));
        }
        return new Session(id, SessionTokens.hash(token), LOOP, ROUND, PERSONA, mode, 42L, start,
                start.plus(Duration.ofMinutes(60)), finished ? at.plusSeconds(20) : null,
                finished ? SessionState.FINISHED : SessionState.AWAITING_ANSWER, finished ? EndReason.CANDIDATE : null,
                answers.length + (finished ? 0 : 1), questions, messages);
    }

    static Grade grade(String questionId, double score) {
        return new Grade(score, "rubric", "bank", questionId,
                List.of(new KeyPointResult("train-val-gap", "Compare training and validation loss", 2.0, Verdict.COVERED,
                        "validation loss rises", 10, 31, "stated")),
                List.of(), Set.of(), "Covered the gap.", "Compare the curves.", List.of());
    }

    /**
     * A session with every kind of thing the engine stores: hints, a retry with the replaced score, a probe, a
     * misconception challenged, a drill into a linked question, a skip, flags, citations and a system notice.
     */
    static Session everything(String token) {
        Instant t = T0;
        Grade first = new Grade(2.0, "rubric", "bank", "overfitting-detection",
                List.of(new KeyPointResult("train-val-gap", "Compare training and validation loss", 2.0, Verdict.PARTLY,
                                "look at the loss", 0, 16, "only half of it"),
                        new KeyPointResult("more-data", "More data", 1.0, Verdict.MISSED, "", -1, -1, "not said")),
                List.of(new MisconceptionHit("low-training-loss-is-good", "Low training loss means a good model",
                        "Training loss alone says nothing about generalisation.", "low training loss is good", 20, 45)),
                Set.of(Flag.NEGATED, Flag.KEYWORD_LIST), "Partly covered. You took 1 hint.", "Compare the curves.",
                List.of(new Citation("regularization", "Regularization", "Diagnosing overfitting",
                        "knowledge/notes/regularization.md", 12, "Watch the validation loss…")));
        Grade retried = new Grade(3.5, "rubric", "bank", "overfitting-detection", List.of(), List.of(),
                Set.of(Flag.NOT_ENGLISH), "Better.", "Compare the curves.", List.of());
        Grade drilled = new Grade(4.5, "rubric", "bank", "l1-sparsity", List.of(), List.of(), Set.of(), "Strong.",
                "Diamond corners.", List.of());

        QuestionState q1 = QuestionState.asked("overfitting-detection", 1, null).hinted()
                .answered("look at the loss; low training loss is good", first)
                .followingUp("misconception:low-training-loss-is-good", "low-training-loss-is-good")
                .retried("validation loss rises while training loss falls", retried).settled();
        QuestionState q2 = QuestionState.asked("kfold-choice", 2, null).drilledInto("strong");
        QuestionState q3 = QuestionState.asked("l1-sparsity", 2, "kfold-choice").answered("corners of the diamond", drilled)
                .drilling("l2-round");
        QuestionState q4 = QuestionState.asked("xgboost-objective", 3, null).skippedIfUnanswered();
        QuestionState q5 = QuestionState.asked("feature-selection", 4, null);

        List<Message> m = new ArrayList<>();
        m.add(new Message(1, Role.INTERVIEWER, "opening", "Straight in.", null, "built-in", t, null));
        m.add(new Message(2, Role.INTERVIEWER, "ask", "How do you spot overfitting?", "overfitting-detection", "built-in",
                t.plusSeconds(1), null));
        m.add(new Message(3, Role.CANDIDATE, "hint", "", "overfitting-detection", null, t.plusSeconds(20), null));
        m.add(new Message(4, Role.INTERVIEWER, "hint", "Think of two curves.", "overfitting-detection", "llm",
                t.plusSeconds(21), null));
        m.add(new Message(5, Role.SYSTEM, Message.NOTICE, "The LLM is unavailable; continuing with the built-in "
                + "interviewer.", null, null, t.plusSeconds(22), null));
        m.add(new Message(6, Role.CANDIDATE, "answer", "look at the loss; low training loss is good",
                "overfitting-detection", null, t.plusSeconds(60), ShownGrade.of(first)));
        m.add(new Message(7, Role.INTERVIEWER, "challenge", "Is a low training loss good?", "overfitting-detection",
                "built-in", t.plusSeconds(61), null));
        m.add(new Message(8, Role.CANDIDATE, "retry", "validation loss rises while training loss falls",
                "overfitting-detection", null, t.plusSeconds(120), new ShownGrade(retried, 2.0)));
        m.add(new Message(9, Role.INTERVIEWER, "ask", "k in k-fold?", "kfold-choice", "built-in", t.plusSeconds(121),
                null));
        m.add(new Message(10, Role.INTERVIEWER, "drill", "Why does L1 give zeros?", "l1-sparsity", "built-in",
                t.plusSeconds(180), null));
        m.add(new Message(11, Role.CANDIDATE, "answer", "corners of the diamond", "l1-sparsity", null,
                t.plusSeconds(240), ShownGrade.of(drilled)));
        m.add(new Message(12, Role.CANDIDATE, "skip", "", "xgboost-objective", null, t.plusSeconds(300), null));
        m.add(new Message(13, Role.INTERVIEWER, "ask", "Feature selection?", "feature-selection", "built-in",
                t.plusSeconds(301), null));
        return new Session("everything-" + UUID.randomUUID(), SessionTokens.hash(token), LOOP, ROUND, PERSONA, Mode.MOCK,
                -7L, t, t.plus(Duration.ofMinutes(60)), null, SessionState.AWAITING_ANSWER, null, 4,
                List.of(q1, q2, q3, q4, q5), m);
    }
}

package dev.interviewloop.interview;

import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.knowledge.FollowUp;
import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Misconception;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.NoteRef;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.QuestionKind;
import dev.interviewloop.knowledge.Round;
import dev.interviewloop.knowledge.Section;
import dev.interviewloop.knowledge.SourceRef;
import dev.interviewloop.knowledge.VoiceLine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small knowledge base written out in Java (so engine tests do not move when the real content
 * changes), and a table-driven grader for engine tests: an answer states in plain tokens which key
 * points it covers ({@code covers:a,b}), which misconceptions it states ({@code says:x}) and which flags
 * apply ({@code flag:NON_ANSWER}). That makes each test's grade explicit, the way a hand-built
 * {@link Grade} would be, while letting the engine grade joined answers.
 */
final class Fixtures {

    static final String MODEL_ANSWER_OVERFIT = "Compare the training and validation curves; regularise, stop early, add data.";

    private Fixtures() {
    }

    static Persona persona() {
        Map<VoiceLine, List<String>> voice = new LinkedHashMap<>();
        voice.put(VoiceLine.OPENING, List.of("I'm {name}, {role}. This is {title}.", "Let's start {title}."));
        voice.put(VoiceLine.ASK, List.of("{prompt}", "Next one. {prompt}"));
        voice.put(VoiceLine.PROBE, List.of("You skipped something. {prompt}", "What about this: {prompt}"));
        voice.put(VoiceLine.CHALLENGE, List.of("Hold on. {correction} Do you want to revise that?"));
        voice.put(VoiceLine.HINT, List.of("Hint: {hint}", "Here's a nudge: {hint}"));
        voice.put(VoiceLine.DRILL, List.of("Good. Sharper question: {prompt}"));
        voice.put(VoiceLine.CLARIFY, List.of("To be precise, I'm asking: {prompt}"));
        voice.put(VoiceLine.ACKNOWLEDGE, List.of("OK.", "Fine.", "Right."));
        voice.put(VoiceLine.MOVE_ON, List.of("Let's move on.", "Next topic."));
        voice.put(VoiceLine.CLOSING, List.of("That's all from me. Thanks."));
        return new Persona("kai", "Kai", "Tech lead", "senior", "brisk", "fast", List.of("skips introductions"),
                "No small talk.", 3.5, voice);
    }

    static Question overfitting() {
        return new Question("overfit", "generalization", "Detecting overfitting", "How do you tell a model overfits?",
                QuestionKind.CONCEPT, 2,
                List.of(new KeyPoint("gap", "Compare training and validation loss over training.", 3, List.of()),
                        new KeyPoint("regularize", "Regularise with L1/L2 penalties or dropout.", 2, List.of()),
                        new KeyPoint("early-stop", "Stop at the epoch with the lowest validation loss.", 1, List.of())),
                List.of(new Misconception("more-epochs", "More epochs fix overfitting.",
                        "More epochs on the same data make overfitting worse.", List.of()),
                        new Misconception("low-train-loss", "Low training loss means a good model.",
                                "Training loss alone says nothing about generalisation.", List.of())),
                List.of(new FollowUp("l1-why", "strong", "Why does L1 give sparse weights?", "l1"),
                        new FollowUp("which-curves", "missed:gap", "Which curves would you look at?", null),
                        new FollowUp("which-penalty", "missed:regularize", "What would you add to the loss?", null),
                        new FollowUp("epochs-q", "misconception:more-epochs",
                                "If validation loss is already rising, what happens when you train longer?", null)),
                List.of("Think about data the model has not seen.", "Plot both losses against epochs.",
                        "Training loss falls while validation loss rises."),
                List.of(new NoteRef("regularization", "Diagnosing overfitting")), MODEL_ANSWER_OVERFIT,
                new SourceRef("w", "r"));
    }

    static Question l1() {
        return new Question("l1", "regularization", "Why L1 is sparse", "Why does L1 regularisation give sparse solutions?",
                QuestionKind.CONCEPT, 3,
                List.of(new KeyPoint("corners", "The L1 ball has corners on the axes.", 2, List.of()),
                        new KeyPoint("constant-pull", "The L1 gradient pulls with constant force.", 1, List.of())),
                List.of(), List.of(new FollowUp("l1-weak", "weak", "Draw the L1 and L2 balls. What differs?", null)),
                List.of("Picture the constraint region.", "Where do the contours touch a diamond?"),
                List.of(new NoteRef("regularization", "Why L1 gives sparse solutions")),
                "The diamond's corners lie on the axes, so the optimum often has zero coordinates.", new SourceRef("w", "r"));
    }

    static Question kfold() {
        return new Question("kfold", "validation", "Choosing k", "How do you choose k in k-fold cross-validation?",
                QuestionKind.CONCEPT, 2,
                List.of(new KeyPoint("bias-variance", "Larger k: less bias, more variance and cost.", 2, List.of()),
                        new KeyPoint("cost", "Each fold trains a model, so cost grows with k.", 1, List.of())),
                List.of(), List.of(new FollowUp("kfold-weak", "weak", "What does each fold cost you?", null)),
                List.of("Think about how many models you train.", "Compare k=2 with leave-one-out."),
                List.of(new NoteRef("cv", "Choosing k")), "k=5 or 10 balances bias, variance and cost.",
                new SourceRef("w", "r"));
    }

    static Question behavioural() {
        return new Question("conflict", "teamwork", "A disagreement", "Tell me about a disagreement with a colleague.",
                QuestionKind.BEHAVIORAL, 2,
                List.of(new KeyPoint("situation", "Sets out the situation.", 1, List.of()),
                        new KeyPoint("action", "Says what they personally did.", 2, List.of()),
                        new KeyPoint("result", "States the result.", 1, List.of())),
                List.of(), List.of(), List.of("Pick one concrete story.", "What did you do, not the team?"),
                List.of(new NoteRef("cv", "Choosing k")), "Situation, task, action, result, reflection.",
                new SourceRef("w", "r"));
    }

    static Round round(int budget, List<String> plan) {
        return new Round("fundamentals", "ML fundamentals", "kai", 60, "basics", plan, budget);
    }

    static KnowledgeBase knowledge() {
        return knowledge(round(0, List.of("overfit", "kfold", "conflict")));
    }

    static KnowledgeBase knowledge(Round round) {
        Loop loop = new Loop("test-loop", "Test loop", "w", "a loop for tests", List.of(round));
        Note reg = new Note("regularization", "Overfitting and regularisation", Note.Kind.NOTE, "notes/regularization.md",
                List.of(new Section("diagnosing-overfitting", "Diagnosing overfitting", "Overfitting > Diagnosing overfitting",
                                "Track training and validation loss.", 3),
                        new Section("why-l1-gives-sparse-solutions", "Why L1 gives sparse solutions",
                                "Overfitting > Why L1 gives sparse solutions", "Diamond corners.", 9)));
        Note cv = new Note("cv", "Cross-validation", Note.Kind.NOTE, "notes/cv.md",
                List.of(new Section("choosing-k", "Choosing k", "Cross-validation > Choosing k", "k=5 or 10.", 3)));
        Map<String, Question> questions = new LinkedHashMap<>();
        for (Question q : List.of(overfitting(), l1(), kfold(), behavioural())) {
            questions.put(q.id(), q);
        }
        return new KnowledgeBase(List.of(loop), Map.of("kai", persona()), questions,
                Map.of("regularization", reg, "cv", cv), Map.of());
    }

    /** A grade for {@code question} covering {@code covered} (the rest missed), stating {@code said}, with {@code flags}. */
    static Grade grade(Question question, Set<String> covered, Set<String> said, Set<Flag> flags, String answer) {
        List<KeyPointResult> kps = new ArrayList<>();
        double got = 0;
        for (KeyPoint k : question.keyPoints()) {
            boolean hit = covered.contains(k.id());
            if (hit) {
                got += k.weight();
            }
            String evidence = hit ? "covers:" + k.id() : "";
            int start = hit ? Math.max(0, answer.indexOf(k.id())) : -1;
            kps.add(new KeyPointResult(k.id(), k.text(), k.weight(), hit ? Verdict.COVERED : Verdict.MISSED, evidence,
                    start, hit ? start + k.id().length() : -1, hit ? "stated" : "not stated"));
        }
        List<MisconceptionHit> hits = question.misconceptions().stream().filter(m -> said.contains(m.id()))
                .map(m -> new MisconceptionHit(m.id(), m.statement(), m.correction(), "says:" + m.id(), 0, 1)).toList();
        double score = Math.round(got / question.totalWeight() * 5 * 2) / 2.0;
        if (!hits.isEmpty()) {
            score = Math.max(0, score - 1);
        }
        return new Grade(score, "table", "bank", question.id(), kps, hits, flags, "graded by the test table",
                question.modelAnswer(), List.of());
    }

    /** Reads {@code covers:}, {@code says:} and {@code flag:} tokens from (possibly joined) answers. */
    static Grader tableGrader() {
        return request -> {
            String answer = request.answer();
            return grade(request.question(), tokens(answer, "covers"), tokens(answer, "says"),
                    tokens(answer, "flag").stream().map(Flag::valueOf)
                            .collect(() -> EnumSet.noneOf(Flag.class), EnumSet::add, EnumSet::addAll), answer);
        };
    }

    private static Set<String> tokens(String answer, String kind) {
        Set<String> out = new java.util.LinkedHashSet<>();
        Matcher m = Pattern.compile(kind + ":([A-Za-z0-9_,-]+)").matcher(answer);
        while (m.find()) {
            out.addAll(List.of(m.group(1).split(",")));
        }
        return out;
    }
}

package dev.interviewloop.llm;

import dev.interviewloop.grading.Citation;
import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.knowledge.Misconception;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Text;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The LLM grader: structured output per rubric point (verdict and the answer's own words as
 * evidence), misconceptions, a 0-5 score, feedback and the passages relied on. The answer goes in
 * as delimited data. Every quote is checked against the answer: one that does not occur there is
 * dropped and counted ({@code interview_loop.llm.evidence_dropped}), the point it claimed counts as
 * missed, and the score loses the share of credit the point carried. Failures surface as
 * {@link LlmException}; {@link CombinedGrader} then grades with the rubric grader alone.
 */
@Singleton
@Typed(LlmGrader.class)
public class LlmGrader implements Grader {

    public static final String NAME = "llm";

    private final LlmClient client;
    private final Grounding grounding;
    private final LlmConfig config;
    private final MeterRegistry registry;

    public LlmGrader(LlmClient client, Grounding grounding, LlmConfig config, MeterRegistry registry) {
        this.client = client;
        this.grounding = grounding;
        this.config = config;
        this.registry = registry;
    }

    public boolean enabled() {
        return client.enabled();
    }

    @Override
    public Grade grade(GradingRequest request) {
        return gradeWithDetail(request).grade();
    }

    public LlmGrade gradeWithDetail(GradingRequest request) {
        List<GroundingPassage> passages = passages(request);
        ChatRequest chat = request(request, passages);
        String answer = request.answer() == null ? "" : request.answer();
        LlmGrade grade = client.complete(Role.GRADER, chat, text -> toGrade(request, LlmVerdicts.parse(text), passages, answer));
        if (grade.droppedQuotes() > 0) {
            registry.counter("interview_loop.llm.evidence_dropped").increment(grade.droppedQuotes());
        }
        return grade;
    }

    ChatRequest request(GradingRequest request, List<GroundingPassage> passages) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(
                SystemMessage.from(GraderPrompt.SYSTEM),
                UserMessage.from(GraderPrompt.user(request.question(), request.questionText(), request.reference(),
                        passages, request.answer())));
        ResponseFormat format = GraderPrompt.responseFormat(config.responseFormat());
        if (format != null) {
            builder.responseFormat(format);
        }
        return builder.build();
    }

    List<GroundingPassage> passages(GradingRequest request) {
        Question q = request.question();
        String query = q != null ? q.prompt() : request.questionText();
        return grounding.forQuestion(q, query, config.passages());
    }

    /** The model's verdicts as a {@link Grade}, with every quote checked against the answer. */
    static LlmGrade toGrade(GradingRequest request, LlmVerdicts verdicts, List<GroundingPassage> passages, String answer) {
        Question q = request.question();
        int dropped = 0;
        Map<String, LlmVerdicts.Point> byId = new LinkedHashMap<>();
        for (LlmVerdicts.Point p : verdicts.keyPoints()) {
            byId.putIfAbsent(p.id(), p);
        }
        List<KeyPointResult> points = new ArrayList<>();
        double claimed = 0;
        double kept = 0;
        double total = 0;
        List<Rubric> rubric = q != null
                ? q.keyPoints().stream().map(k -> new Rubric(k.id(), k.text(), k.weight())).toList()
                : verdicts.keyPoints().stream().map(p -> new Rubric(p.id(), p.text(), 1.0)).toList();
        for (Rubric k : rubric) {
            total += k.weight();
            LlmVerdicts.Point p = byId.get(k.id());
            if (p == null) {
                points.add(new KeyPointResult(k.id(), k.text(), k.weight(), Verdict.MISSED, "", -1, -1,
                        "the LLM grader gave no verdict on this point"));
                continue;
            }
            Verdict verdict = Verdict.valueOf(p.verdict().toUpperCase(Locale.ROOT));
            claimed += k.weight() * credit(verdict);
            if (verdict == Verdict.MISSED) {
                points.add(new KeyPointResult(k.id(), k.text(), k.weight(), Verdict.MISSED, "", -1, -1, p.reason()));
                continue;
            }
            Evidence.Span span = Evidence.locate(answer, p.evidence());
            if (span == null) {
                dropped++;
                points.add(new KeyPointResult(k.id(), k.text(), k.weight(), Verdict.MISSED, "", -1, -1,
                        "the LLM grader judged this " + p.verdict() + " but its quote is not in the answer: \""
                                + Text.clip(p.evidence(), 80) + "\""));
                continue;
            }
            kept += k.weight() * credit(verdict);
            points.add(new KeyPointResult(k.id(), k.text(), k.weight(), verdict,
                    answer.substring(span.start(), span.end()), span.start(), span.end(), p.reason()));
        }
        List<MisconceptionHit> wrongs = new ArrayList<>();
        for (LlmVerdicts.Wrong w : verdicts.misconceptions()) {
            Evidence.Span span = Evidence.locate(answer, w.evidence());
            if (span == null) {
                dropped++;
                continue;
            }
            Optional<Misconception> known = q == null || w.id().isEmpty() ? Optional.empty() : q.misconception(w.id());
            wrongs.add(new MisconceptionHit(known.map(Misconception::id).orElse(""),
                    known.map(Misconception::statement).orElse(w.statement()),
                    known.map(Misconception::correction).orElse(w.correction()),
                    answer.substring(span.start(), span.end()), span.start(), span.end()));
        }
        double score = verdicts.score();
        if (claimed > 0 && kept < claimed) {
            // take away exactly the share of credit that rested on quotes the answer does not contain
            score = score * kept / claimed;
        }
        score = halfSteps(score);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (verdicts.injection()) {
            flags.add(Flag.INJECTION);
        }
        if (q == null) {
            flags.add(Flag.NO_RUBRIC);
        }
        String basis = q != null ? "bank" : request.reference() != null && !request.reference().isBlank() ? "reference"
                : "retrieved";
        String modelAnswer = q != null ? q.modelAnswer() : request.reference() == null ? "" : request.reference();
        return new LlmGrade(new Grade(score, NAME, basis, q == null ? null : q.id(), points, wrongs, flags,
                verdicts.feedback(), modelAnswer == null ? "" : modelAnswer.strip(),
                citations(verdicts.references(), passages, q)), dropped);
    }

    private record Rubric(String id, String text, double weight) {
    }

    private static double credit(Verdict verdict) {
        return switch (verdict) {
            case COVERED -> 1.0;
            case PARTLY -> 0.5;
            case MISSED -> 0.0;
        };
    }

    /** The passages the model cited by label; if it cited none, the question's own sections it was given. */
    static List<Citation> citations(List<String> labels, List<GroundingPassage> passages, Question q) {
        Map<String, GroundingPassage> byLabel = new LinkedHashMap<>();
        passages.forEach(p -> byLabel.put(p.label().toUpperCase(Locale.ROOT), p));
        List<GroundingPassage> cited = new ArrayList<>();
        for (String label : labels) {
            GroundingPassage p = byLabel.get(label.replaceAll("[\\[\\]\\s]", "").toUpperCase(Locale.ROOT));
            if (p != null && !cited.contains(p)) {
                cited.add(p);
            }
        }
        if (cited.isEmpty() && q != null) {
            Set<String> own = new java.util.HashSet<>(q.references().stream().map(r -> r.note() + "#" + r.sectionId()).toList());
            passages.stream().filter(p -> own.contains(p.chunkId())).forEach(cited::add);
        }
        return cited.stream().map(p -> new Citation(p.doc(), p.docTitle(), p.section(), p.file(), p.line(),
                Text.clip(p.text(), 300))).toList();
    }

    static double halfSteps(double score) {
        return Text.halfStep(score, Grade.MAX);
    }
}

package dev.interviewloop.interview;

import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.interview.Report.QuestionScore;
import dev.interviewloop.interview.Report.Study;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.NoteRef;
import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import dev.interviewloop.knowledge.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link Report} of a finished session from its question states and the knowledge base. */
public final class Reports {

    private static final int EVIDENCE_CHARS = 160;

    private Reports() {
    }

    /** The report of a finished session of {@code loop} (a loop of the knowledge base, or one built at run time). */
    public static Report build(Session s, Loop loop, KnowledgeBase kb) {
        Round round = loop.round(s.roundId()).orElseThrow();
        Persona persona = kb.persona(s.personaId()).orElseThrow();

        List<QuestionScore> rows = new ArrayList<>();
        List<String> strengths = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Map<String, Study> study = new LinkedHashMap<>();

        for (QuestionState q : s.questions()) {
            Question question = kb.question(q.questionId()).orElseThrow();
            Grade g = q.grade();
            String status = q.attempted() ? "answered" : "skipped";
            rows.add(new QuestionScore(question.id(), question.title(), question.topic(), q.number(), q.drillOf(), status,
                    g == null ? 0 : g.score(), g == null ? null : g.grader(), q.attempts(), q.hints(), !q.attempted(),
                    g == null ? null : g.feedback(), question.modelAnswer()));
            if (g == null) {
                gaps.add(question.title() + ": not answered");
            } else {
                describe(question, g, strengths, gaps);
            }
            if (g == null || g.score() < persona.bar()) {
                addStudy(question, kb, study);
            }
        }
        // Plan questions the round never reached (it was ended early or ran out of time) count as zero.
        List<String> asked = s.questions().stream().map(QuestionState::questionId).toList();
        List<String> unreached = round.questions().stream().filter(id -> !asked.contains(id))
                .limit(Math.max(0, round.budget() - planAsked(s))).toList();
        int number = planAsked(s);
        for (String id : unreached) {
            Question question = kb.question(id).orElseThrow();
            rows.add(new QuestionScore(id, question.title(), question.topic(), ++number, null, "not-asked", 0, null, 0, 0,
                    true, null, null));
            gaps.add(question.title() + ": not reached before the round ended");
            addStudy(question, kb, study);
        }

        double average = rows.isEmpty() ? 0 : rows.stream().mapToDouble(QuestionScore::score).average().orElse(0);
        average = Math.round(average * 100) / 100.0;
        return new Report(s.id(), SessionView.LoopRef.of(loop), SessionView.RoundRef.of(round),
                SessionView.PersonaRef.of(persona), s.mode(), rows, average, persona.bar(),
                Report.verdict(average, persona.bar()), strengths, gaps, List.copyOf(study.values()), s.startedAt(),
                s.finishedAt(), s.endReason());
    }

    static int planAsked(Session s) {
        return (int) s.questions().stream().filter(q -> q.drillOf() == null).count();
    }

    private static void describe(Question question, Grade g, List<String> strengths, List<String> gaps) {
        for (KeyPointResult k : g.keyPoints()) {
            String point = keyPointText(question, k);
            if (k.verdict() == Verdict.COVERED) {
                strengths.add(question.title() + ": " + point + " (you said: \"" + clip(k.evidence()) + "\")");
            } else if (k.verdict() == Verdict.PARTLY) {
                gaps.add(question.title() + ": only partly covered: " + point);
            } else {
                gaps.add(question.title() + ": missed: " + point);
            }
        }
        for (MisconceptionHit m : g.misconceptions()) {
            gaps.add(question.title() + ": you said \"" + clip(m.evidence()) + "\"; in fact: " + m.correction().strip());
        }
    }

    private static String keyPointText(Question question, KeyPointResult k) {
        String text = k.text() != null && !k.text().isBlank() ? k.text()
                : question.keyPoint(k.id()).map(kp -> kp.text()).orElse(k.id());
        return text.strip();
    }

    private static void addStudy(Question question, KnowledgeBase kb, Map<String, Study> study) {
        for (NoteRef ref : question.references()) {
            Note note = kb.notes().get(ref.note());
            String key = ref.note() + "#" + ref.sectionId();
            if (note != null && !study.containsKey(key)) {
                String heading = kb.resolve(ref).map(sec -> sec.heading()).orElse(ref.section());
                study.put(key, new Study(ref.note(), heading, note.title(), "/notes/" + ref.note() + "#" + ref.sectionId()));
            }
        }
    }

    private static String clip(String text) {
        return Text.clip(text, EVIDENCE_CHARS);
    }
}

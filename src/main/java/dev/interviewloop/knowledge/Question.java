package dev.interviewloop.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A bank question with everything needed to ask it, probe it and grade it.
 *
 * @param keyPoints the rubric: what an expert checks for, weighted
 * @param hints the hint ladder, from gentle to nearly giving it away
 * @param modelAnswer an outline of a strong answer, shown only after the candidate has tried
 */
public record Question(String id, String topic, String title, String prompt, QuestionKind kind, int difficulty,
                       List<KeyPoint> keyPoints, List<Misconception> misconceptions, List<FollowUp> followUps,
                       List<String> hints, List<NoteRef> references, String modelAnswer, SourceRef source) {

    public Question {
        keyPoints = Lists.copy(keyPoints);
        misconceptions = Lists.copy(misconceptions);
        followUps = Lists.copy(followUps);
        hints = Lists.copy(hints);
        references = Lists.copy(references);
    }

    public double totalWeight() {
        return keyPoints.stream().mapToDouble(KeyPoint::weight).sum();
    }

    public Optional<KeyPoint> keyPoint(String keyPointId) {
        return keyPoints.stream().filter(k -> k.id().equals(keyPointId)).findFirst();
    }

    public Optional<Misconception> misconception(String misconceptionId) {
        return misconceptions.stream().filter(m -> m.id().equals(misconceptionId)).findFirst();
    }
}

package dev.interviewloop.interview;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import java.util.Optional;

/**
 * Where the engine finds the loop and round a session plays: the loops of {@code knowledge/}, and rounds built
 * at run time (a practice round of the candidate's weak topics) when another bean provides them.
 */
public interface RoundCatalog {

    /** The loop {@code loopId}, holding the round {@code roundId} if it has one; empty when there is no such loop. */
    Optional<Loop> loop(String loopId, String roundId);

    /** Only the knowledge base's loops. */
    static RoundCatalog of(KnowledgeBase knowledge) {
        return (loopId, roundId) -> knowledge.loop(loopId);
    }
}

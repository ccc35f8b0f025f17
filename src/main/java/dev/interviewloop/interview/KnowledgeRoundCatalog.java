package dev.interviewloop.interview;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The default {@link RoundCatalog}: the loops of {@code knowledge/} only. */
@ApplicationScoped
@DefaultBean
public class KnowledgeRoundCatalog implements RoundCatalog {

    private final KnowledgeBase knowledge;

    public KnowledgeRoundCatalog(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Optional<Loop> loop(String loopId, String roundId) {
        return knowledge.loop(loopId);
    }
}

package dev.interviewloop.knowledge;

import java.util.List;
import java.util.Optional;

/** An interview loop (for example one company's ML engineer loop): an ordered list of rounds. */
public record Loop(String id, String title, String source, String description, List<Round> rounds) {

    public Loop {
        rounds = Lists.copy(rounds);
    }

    public Optional<Round> round(String roundId) {
        return rounds.stream().filter(r -> r.id().equals(roundId)).findFirst();
    }
}

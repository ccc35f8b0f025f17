package dev.interviewloop.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge folder is invalid; the message lists every problem with its file and line. */
public class KnowledgeException extends RuntimeException {

    private final List<Problem> problems;

    public KnowledgeException(List<Problem> problems) {
        super("The knowledge folder has " + problems.size() + " problem(s); fix them and restart:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

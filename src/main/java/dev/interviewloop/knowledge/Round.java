package dev.interviewloop.knowledge;

import java.util.List;

/**
 * One round of a loop, played by one persona.
 *
 * @param questions the question plan: bank question ids, asked in this order
 * @param questionBudget how many plan questions the round asks at most before it closes; 0 means all
 */
public record Round(String id, String title, String persona, int durationMinutes, String focus,
                    List<String> questions, int questionBudget) {

    public Round {
        questions = Lists.copy(questions);
    }

    /** How many plan questions the round asks before it closes. */
    public int budget() {
        return questionBudget == 0 ? questions.size() : questionBudget;
    }
}

package dev.interviewloop.interview;

import java.util.List;

/**
 * The outcome of one candidate action.
 *
 * @param messages the new messages, the candidate's first
 * @param grade the grade of the candidate's answer or retry when the candidate may see it (practice mode, or mock
 *              mode once the round is over); else null
 */
public record Turn(List<Message> messages, ShownGrade grade, SessionState state, boolean done) {
}

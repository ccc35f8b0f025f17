package dev.interviewloop.interview;

/**
 * What the candidate does in one turn.
 *
 * @param text the answer (for {@link Command#ANSWER} and {@link Command#RETRY}), the candidate's question
 *             (optional, for {@link Command#CLARIFY}), ignored otherwise
 */
public record Action(Command command, String text) {

    public static Action answer(String text) {
        return new Action(Command.ANSWER, text);
    }

    public static Action of(Command command) {
        return new Action(command, null);
    }
}

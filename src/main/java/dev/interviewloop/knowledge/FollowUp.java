package dev.interviewloop.knowledge;

/**
 * A follow-up question and what makes the interviewer ask it.
 *
 * @param trigger when to ask it: {@code strong}, {@code weak}, {@code missed:<key point id>} or
 *                {@code misconception:<misconception id>}
 * @param question optional id of a bank question that grades the follow-up on its own rubric;
 *                 without it, the reply is graded against the parent question's rubric
 */
public record FollowUp(String id, String trigger, String prompt, String question) {

    public enum On { STRONG, WEAK, MISSED, MISCONCEPTION }

    public On on() {
        String kind = trigger.contains(":") ? trigger.substring(0, trigger.indexOf(':')) : trigger;
        return On.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }

    /** The key point or misconception id the trigger names, or an empty string. */
    public String target() {
        return trigger.contains(":") ? trigger.substring(trigger.indexOf(':') + 1) : "";
    }
}

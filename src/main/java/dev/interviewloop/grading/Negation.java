package dev.interviewloop.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a statement is negated, read on the raw text (the search analyzer drops "no" and "not"
 * as stop words, so it cannot see negation). A statement's polarity is the parity of its negators:
 * "L1 does not push weights to zero" is negative, "it is not true that L1 does not..." is positive.
 */
final class Negation {

    private static final Pattern NEGATOR = Pattern.compile("(?iu)"
            + "\\b(?:not|no|never|none|nothing|nobody|nowhere|neither|nor|without|cannot|can't|won't|isn't|aren't|wasn't"
            + "|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't|shouldn't|wouldn't|couldn't|mustn't|needn't|ain't"
            + "|fails? to|failed to|lacks?|absent|instead of|rather than|unrelated)\\b"
            + "|\\b\\w+n['’]t\\b"
            + "|\\b(?:is|are|was|that's|it's|this is|that is)\\s+(?:false|wrong|incorrect|untrue|a myth)\\b"
            + "|\\b(?:wrong|false|incorrect|untrue|a myth) (?:to say|that)\\b");
    /** Phrases with a negator that do not negate the statement they sit in. */
    private static final Pattern NOT_NEGATING = Pattern.compile("(?iu)"
            + "\\bnot only\\b|\\bno longer\\b|\\bno matter\\b|\\bnot just\\b|\\bif not\\b|\\bwhether or not\\b"
            + "|\\bno doubt\\b|\\bnot least\\b|\\bnothing but\\b|\\bnot to mention\\b|\\bnever mind\\b"
            + "|\\bno(?:t)? more than\\b|\\bno(?:t)? less than\\b|\\bnone other\\b");

    private Negation() {
    }

    /** The number of negators in the text. */
    static int count(String text) {
        String cleaned = NOT_NEGATING.matcher(text).replaceAll(" ");
        Matcher m = NEGATOR.matcher(cleaned);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Meta-negations that turn a later negation back ("it is not true that X does not..."). */
    private static final Pattern DOUBLE = Pattern.compile("(?iu)\\b(?:not|isn't|is not) (?:true|the case|correct)\\b"
            + "|\\b(?:false|wrong|untrue|incorrect) (?:that|to say)\\b");

    /**
     * Negative when the text has an odd number of negators, or several negators in coordinated
     * statements ("does not use a GRU and has no auxiliary loss"); only an explicit meta-negation
     * ("it is not true that...") makes two negators cancel.
     */
    static boolean negative(String text) {
        int n = count(text);
        return n % 2 == 1 || n >= 2 && !DOUBLE.matcher(text).find();
    }

    /** True when the two statements have opposite polarity. */
    static boolean reversed(String statement, String reference) {
        return negative(statement) != negative(reference);
    }
}

package dev.interviewloop.llm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts text the candidate wrote into a prompt as data: between a pair of tags the text cannot close
 * (any spelling of the tag inside it is defused), so "ignore previous instructions" stays a quotation.
 */
final class Untrusted {

    private Untrusted() {
    }

    static String wrap(String tag, String text) {
        return "<" + tag + ">\n" + defuse(tag, text == null ? "" : text.strip()) + "\n</" + tag + ">";
    }

    /** Replaces {@code <tag}, {@code </tag} and {@code < / tag} in any case by a look-alike that is not the tag. */
    static String defuse(String tag, String text) {
        Matcher m = Pattern.compile("<\\s*(/?)\\s*(" + Pattern.quote(tag) + ")", Pattern.CASE_INSENSITIVE).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("‹" + m.group(1) + m.group(2).toLowerCase(Locale.ROOT)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

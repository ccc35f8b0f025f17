package dev.interviewloop.web;

import java.util.List;

/** Length limits on request fields, checked at the boundary so no oversized value reaches the service behind it. */
final class Fields {

    /** Ids and names: loops, rounds, questions, modes, commands, topics. */
    static final int MAX_ID = 200;
    /** A question given as free text. */
    static final int MAX_QUESTION = 2_000;
    /** A search (the index reads at most this much of a query). */
    static final int MAX_SEARCH = 4_000;
    /** The most values of a repeated query parameter. */
    static final int MAX_VALUES = 50;

    private Fields() {
    }

    /** The value, or a 400 naming the field when it is longer than {@code max} characters. */
    static String limited(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(field, "'" + field + "' has " + value.length() + " characters; the limit is "
                    + max + ": shorten it");
        }
        return value;
    }

    /** A candidate's text (an answer, a retry, a clarifying question): at most {@code max} characters. */
    static String answer(String text, int max) {
        if (text != null && text.length() > max) {
            throw ApiException.badRequest("text", "'text' is " + text.length() + " characters; answers are limited to "
                    + max + ", shorten it");
        }
        return text;
    }

    /** A repeated parameter: at most {@link #MAX_VALUES} values of at most {@code max} characters each. */
    static List<String> limited(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw ApiException.badRequest(field, "'" + field + "' is given " + values.size() + " times; the limit is "
                    + MAX_VALUES);
        }
        values.forEach(v -> limited(field, v, max));
        return values;
    }
}

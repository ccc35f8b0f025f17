package dev.interviewloop.grading;

/**
 * A stretch of the answer: {@code text} is exactly {@code answer.substring(start, end)}.
 *
 * @param clause true for a clause cut out of a longer sentence, false for a whole sentence
 */
record Span(int start, int end, String text, boolean clause) {

    static Span of(String answer, int start, int end, boolean clause) {
        // trim white space and trailing punctuation that carries no meaning, keeping offsets exact
        while (start < end && isTrim(answer.charAt(start))) {
            start++;
        }
        while (end > start && isTrim(answer.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end, answer.substring(start, end), clause);
    }

    private static boolean isTrim(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '*' || c == '•' || c == ',' || c == ';' || c == ':';
    }

    boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    int length() {
        return end - start;
    }
}

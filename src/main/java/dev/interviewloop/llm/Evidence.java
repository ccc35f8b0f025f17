package dev.interviewloop.llm;

/**
 * Finds a quote the model attributes to the candidate in the candidate's answer. A quote counts
 * only if it occurs there: exactly, or up to case, white space, quote and dash styles, and a
 * trailing or leading ellipsis. Anything else (a paraphrase, a quote stitched together with "...")
 * is not found, and the caller drops it.
 */
final class Evidence {

    /** Where a quote was found: {@code answer.substring(start, end)}. */
    record Span(int start, int end) {
    }

    private Evidence() {
    }

    static Span locate(String answer, String quote) {
        if (answer == null || quote == null) {
            return null;
        }
        String q = trimQuote(quote);
        if (q.isEmpty()) {
            return null;
        }
        int exact = answer.indexOf(q);
        if (exact >= 0) {
            return new Span(exact, exact + q.length());
        }
        // compare normalised forms, keeping for every normalised char the offset it came from
        StringBuilder norm = new StringBuilder();
        int[] from = new int[answer.length() + 1];
        boolean space = false;
        for (int i = 0; i < answer.length(); i++) {
            char c = normalise(answer.charAt(i));
            if (Character.isWhitespace(c)) {
                if (!space && norm.length() > 0) {
                    from[norm.length()] = i;
                    norm.append(' ');
                }
                space = true;
            } else {
                from[norm.length()] = i;
                norm.append(c);
                space = false;
            }
        }
        String needle = normaliseAll(q);
        if (needle.isEmpty()) {
            return null;
        }
        int at = norm.indexOf(needle);
        if (at < 0) {
            return null;
        }
        int start = from[at];
        int endChar = from[at + needle.length() - 1];
        return new Span(start, endChar + 1);
    }

    /** The quote without surrounding quotation marks, white space and ellipses. */
    static String trimQuote(String quote) {
        String q = quote.strip();
        boolean changed = true;
        while (changed && !q.isEmpty()) {
            changed = false;
            for (String edge : new String[] {"...", "…", "\"", "“", "”", "'", "‘", "’", "`"}) {
                if (q.startsWith(edge)) {
                    q = q.substring(edge.length()).strip();
                    changed = true;
                }
                if (q.endsWith(edge) && !q.isEmpty()) {
                    q = q.substring(0, q.length() - edge.length()).strip();
                    changed = true;
                }
            }
        }
        return q;
    }

    private static String normaliseAll(String s) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = normalise(s.charAt(i));
            if (Character.isWhitespace(c)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString().strip();
    }

    private static char normalise(char c) {
        return switch (c) {
            case '“', '”', '„', '″' -> '"';
            case '‘', '’', '′' -> '\'';
            case '–', '—', '−' -> '-';
            case '‹' -> '<';
            case '\u00a0' -> ' ';
            default -> Character.toLowerCase(c);
        };
    }
}

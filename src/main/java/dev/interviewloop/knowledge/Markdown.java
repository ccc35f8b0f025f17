package dev.interviewloop.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Markdown into citable sections at its headings. The first level-1 heading is the
 * document's title; every {@code ##} and {@code ###} heading starts a section whose path is the
 * chain of headings above it. Text between the title and the first section becomes a section
 * named after the title. Headings inside fenced code blocks are ignored.
 */
public final class Markdown {

    private Markdown() {
    }

    /** The part of a document before splitting: its title and sections. */
    public record Parsed(String title, List<Section> sections) {
    }

    public static Parsed parse(String text, String fallbackTitle) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String title = null;
        int titleLine = 1;
        String h2 = null;
        String heading = null;
        int headingLine = 1;
        int level = 2;
        boolean inFence = false;
        StringBuilder body = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
            }
            int hashes = inFence ? 0 : headingLevel(trimmed);
            boolean isTitle = hashes == 1 && title == null && heading == null;
            if (isTitle) {
                title = trimmed.substring(1).strip();
                titleLine = i + 1;
                body.setLength(0);
                continue;
            }
            if (hashes == 2 || hashes == 3) {
                String docTitle = title == null ? fallbackTitle : title;
                addSection(sections, docTitle, titleLine, heading, headingLine, pathOf(docTitle, h2, heading, level), body);
                heading = trimmed.substring(hashes).strip();
                headingLine = i + 1;
                level = hashes;
                if (hashes == 2) {
                    h2 = heading;
                }
                body.setLength(0);
                continue;
            }
            body.append(lines[i]).append('\n');
        }
        String docTitle = title == null ? fallbackTitle : title;
        addSection(sections, docTitle, titleLine, heading, headingLine, pathOf(docTitle, h2, heading, level), body);
        return new Parsed(docTitle, sections);
    }

    /** Adds the section that just ended; text under the title alone becomes a section named after the title. */
    private static void addSection(List<Section> sections, String title, int titleLine, String heading, int headingLine,
                                   String path, StringBuilder body) {
        String text = body.toString().strip();
        if (heading == null) {
            if (!text.isEmpty()) {
                sections.add(new Section(slug(title), title, title, text, titleLine));
            }
            return;
        }
        sections.add(new Section(slug(heading), heading, path, text, headingLine));
    }

    private static String pathOf(String title, String h2, String heading, int level) {
        if (heading == null) {
            return title;
        }
        if (level == 3 && h2 != null && !h2.equals(heading)) {
            return title + " > " + h2 + " > " + heading;
        }
        return title + " > " + heading;
    }

    private static int headingLevel(String trimmed) {
        int n = 0;
        while (n < trimmed.length() && trimmed.charAt(n) == '#') {
            n++;
        }
        if (n == 0 || n > 6 || n >= trimmed.length() || trimmed.charAt(n) != ' ') {
            return 0;
        }
        return n;
    }

    /** A stable id for a heading: lower case ASCII letters, digits and single dashes. */
    public static String slug(String heading) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}

package dev.interviewloop.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Splits Markdown into citable sections at its headings, as CommonMark (commonmark-java, with the GFM tables and
 * strikethrough the notes may use) reads it. The first level-1 heading is the document's title; every level-2 and
 * level-3 heading of the document (ATX {@code ##} or setext underlined) starts a section whose path is the chain of
 * headings above it. Text between the title and the first section becomes a section named after the title. What
 * CommonMark does not read as a heading is none: a {@code ##} line in a fenced or indented code block, in a block
 * quote or in a list item. Lines come from the parser's source spans.
 *
 * <p>The same parser renders a section for the page ({@link #html}), so the sections the service cites are the
 * sections the reader sees, drawn by the same rules.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    /** Raw HTML in a note is shown as text (as in the chat), and link targets such as {@code javascript:} are dropped. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    /** The part of a document before splitting: its title and sections. */
    public record Parsed(String title, List<Section> sections) {
    }

    public static Parsed parse(String text, String fallbackTitle) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Node document = PARSER.parse(String.join("\n", lines));
        String title = null;
        int titleLine = 1;
        int bodyFrom = 0; // 0-based line where the current section's text starts
        String h2 = null;
        String heading = null;
        int headingLine = 1;
        int level = 2;
        List<Section> sections = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (!(block instanceof Heading h) || !(h.getLevel() <= 3)) {
                continue;
            }
            int first = firstLine(h);
            int after = lastLine(h) + 1;
            boolean isTitle = h.getLevel() == 1 && title == null && heading == null;
            if (isTitle) {
                title = textOf(h);
                titleLine = first + 1;
                bodyFrom = after;
                continue;
            }
            if (h.getLevel() == 1) {
                continue; // a later level-1 heading is text of the section it is in
            }
            String docTitle = title == null ? fallbackTitle : title;
            addSection(sections, docTitle, titleLine, heading, headingLine, pathOf(docTitle, h2, heading, level),
                    lines, bodyFrom, first);
            heading = textOf(h);
            headingLine = first + 1;
            level = h.getLevel();
            if (level == 2) {
                h2 = heading;
            }
            bodyFrom = after;
        }
        String docTitle = title == null ? fallbackTitle : title;
        addSection(sections, docTitle, titleLine, heading, headingLine, pathOf(docTitle, h2, heading, level),
                lines, bodyFrom, lines.length);
        return new Parsed(docTitle, sections);
    }

    /** A section's Markdown as HTML: raw HTML escaped, unsafe link targets dropped. Sanitise it again before display. */
    public static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    /** Adds the section that just ended; text under the title alone becomes a section named after the title. */
    private static void addSection(List<Section> sections, String title, int titleLine, String heading, int headingLine,
                                   String path, String[] lines, int from, int to) {
        String text = String.join("\n", Arrays.asList(lines).subList(Math.min(from, to), to)).strip();
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

    private static int firstLine(Block block) {
        return block.getSourceSpans().get(0).getLineIndex();
    }

    private static int lastLine(Block block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.get(spans.size() - 1).getLineIndex();
    }

    /** A heading's words as a reader sees them: emphasis and code marks gone, closing {@code #}s gone. */
    private static String textOf(Heading heading) {
        StringBuilder out = new StringBuilder();
        appendText(heading, out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text t) {
                out.append(t.getLiteral());
            } else if (child instanceof Code c) {
                out.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                appendText(child, out);
            }
        }
    }

    /** A stable id for a heading: lower case ASCII letters, digits and single dashes. */
    public static String slug(String heading) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}

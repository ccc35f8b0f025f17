package dev.interviewloop.search;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A user's HTML document as Markdown text for indexing, parsed by jsoup (the HTML5 parsing rules, every named and
 * numeric character reference): {@code h1}-{@code h3} become Markdown headings, so they split the document into
 * sections; block elements become line breaks; scripts, styles, the head and navigation are dropped.
 */
final class Html {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "section", "article", "pre", "ul", "ol",
            "table", "blockquote", "dd", "dt", "figcaption", "header", "footer", "main", "h4", "h5", "h6");

    private Html() {
    }

    static String toMarkdown(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, nav, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            private Element heading; // the heading being written: its text is taken whole, once

            @Override
            public void head(Node node, int depth) {
                if (heading != null) {
                    return;
                }
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element e && isHeading(e)) {
                    heading = e;
                    String title = e.text().strip();
                    if (!title.isEmpty()) {
                        out.append("\n\n").append("#".repeat(e.normalName().charAt(1) - '0')).append(' ').append(title).append("\n\n");
                    }
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == heading) {
                    heading = null;
                } else if (heading == null && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** h1, h2, h3: the levels that title a document and start its sections. */
    private static boolean isHeading(Element e) {
        String name = e.normalName();
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '3';
    }
}

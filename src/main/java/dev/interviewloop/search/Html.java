package dev.interviewloop.search;

import java.util.regex.Pattern;

/** Just enough HTML-to-text for indexing: headings become Markdown headings, scripts and tags go. */
final class Html {

    private static final Pattern DROP = Pattern.compile("(?is)<(script|style|head|nav|noscript)\\b.*?</\\1\\s*>");
    private static final Pattern HEADING = Pattern.compile("(?is)<h([1-3])\\b[^>]*>(.*?)</h\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(p|div|br|li|tr|section|article|pre|ul|ol|table)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private Html() {
    }

    static String toMarkdown(String html) {
        String s = DROP.matcher(html).replaceAll(" ");
        s = s.replaceAll("(?s)<!--.*?-->", " ");
        s = HEADING.matcher(s).replaceAll(m -> "\n\n" + "#".repeat(Integer.parseInt(m.group(1))) + " "
                + TAG.matcher(m.group(2)).replaceAll("").strip().replace("\\", "\\\\").replace("$", "\\$") + "\n\n");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n\\s*\\n+", "\n\n").strip();
    }
}

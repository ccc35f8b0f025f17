package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A user's HTML page becomes Markdown text: headings split it, markup and scripts go, entities are decoded. */
class HtmlTest {

    @Test
    void headingsBecomeMarkdownHeadingsAndBlocksBecomeLines() {
        String md = Html.toMarkdown("<html><head><title>x</title><style>p{}</style></head><body>"
                + "<h1>Kernels</h1><nav>Home | About</nav><h2>Warps <em>and</em> lanes</h2><p>32 threads.</p><p>One instruction.</p>"
                + "<script>alert(1)</script></body></html>");

        assertThat(md).isEqualTo("# Kernels\n\n## Warps and lanes\n\n32 threads.\n\nOne instruction.");
    }

    @Test
    void namedAndNumericEntitiesAreDecoded() {
        String md = Html.toMarkdown("<p>x &lt; y &amp;&amp; y &gt; z &mdash; &eacute;t&eacute; &hellip; &#8730;d &#x3bb; "
                + "&copy; &nbsp;&quot;q&quot; &#39;s&#39;</p>");

        assertThat(md).isEqualTo("x < y && y > z — été … √d λ © \"q\" 's'");
    }

    @Test
    void anEscapedTagIsTextNotMarkup() {
        assertThat(Html.toMarkdown("<p>use &lt;script&gt; tags</p>")).isEqualTo("use <script> tags");
    }

    @Test
    void commentsAndUnclosedTagsDoNotLeakIntoTheText() {
        String md = Html.toMarkdown("<!-- hidden --><h2>Title<p>Body text <b>bold");

        assertThat(md).doesNotContain("hidden").contains("## Title").contains("Body text bold");
    }
}

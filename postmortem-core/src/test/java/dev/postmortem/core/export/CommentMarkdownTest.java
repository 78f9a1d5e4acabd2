package dev.postmortem.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentMarkdownTest {

    private final CommentMarkdown markdown = new CommentMarkdown();

    @Test
    void rendersMarkdownAndEscapesHtml() {
        assertThat(markdown.toHtml("**Why** `pool_size`?\n\n- one\n- <b>two</b>")).isEqualTo(
                "<p><strong>Why</strong> <code>pool_size</code>?</p>\n<ul>\n<li>one</li>\n<li>&lt;b&gt;two&lt;/b&gt;</li>\n</ul>\n");
    }

    @Test
    void keepsSafeLinksAndWritesImagesAsTheirText() {
        assertThat(markdown.toHtml("[runbook](https://wiki.example.com/run) [x](javascript:alert(1))"))
                .contains("<a rel=\"nofollow\" href=\"https://wiki.example.com/run\">runbook</a>").doesNotContain("javascript:");
        assertThat(markdown.toHtml("![the graph](https://tracker.example.com/p.png) ![](https://t.example.com/q.png)"))
                .isEqualTo("<p>the graph https://t.example.com/q.png</p>\n");
    }
}

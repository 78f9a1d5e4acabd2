package dev.postmortem.core.export;

import dev.postmortem.core.model.PostMortem;
import java.time.LocalDate;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown export rendered to an HTML fragment with commonmark. The Markdown is already
 * escaped; as a second line of defence raw HTML is escaped and unsafe link schemes are
 * dropped by the renderer itself.
 */
public final class HtmlExporter {

    private final MarkdownExporter markdown;
    private final Parser parser = Parser.builder().postProcessor(new TaskListMarkers()).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public HtmlExporter(MarkdownExporter markdown) {
        this.markdown = markdown;
    }

    public String export(PostMortem postMortem) {
        return export(postMortem, null);
    }

    /** The export, overdue items marked as of {@code today} ({@code null}: none). */
    public String export(PostMortem postMortem, LocalDate today) {
        return renderer.render(parser.parse(markdown.export(postMortem, today)));
    }

    /** The export as a small standalone page, titled with the post-mortem's title. */
    public String page(PostMortem postMortem, LocalDate today) {
        return HtmlPage.wrap(postMortem.content().title(), export(postMortem, today));
    }
}

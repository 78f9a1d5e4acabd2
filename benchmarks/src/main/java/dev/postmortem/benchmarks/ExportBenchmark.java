package dev.postmortem.benchmarks;

import dev.postmortem.core.export.HtmlExporter;
import dev.postmortem.core.export.MarkdownExporter;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.TimelineEvent;
import java.util.concurrent.TimeUnit;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Markdown and HTML export. Baselines in the same run: the same document concatenated into
 * Markdown with no escaping ({@code markdownBaseline}), and commonmark rendering Markdown
 * that is already there ({@code htmlBaseline}): what our escaping and formatting add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExportBenchmark {

    @Param({"spec", "large"})
    public String document;

    private PostMortem postMortem;
    private String markdown;
    private final MarkdownExporter exporter = new MarkdownExporter();
    private final HtmlExporter html = new HtmlExporter(exporter);
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    @Setup
    public void setUp() {
        postMortem = document.equals("spec") ? SampleDocuments.specExample() : SampleDocuments.large();
        markdown = exporter.export(postMortem);
    }

    @Benchmark
    public String markdown() {
        return exporter.export(postMortem);
    }

    @Benchmark
    public String markdownBaseline() {
        StringBuilder out = new StringBuilder(2048);
        out.append("# ").append(postMortem.content().title()).append("\n\n## Summary\n\n")
                .append(postMortem.content().summary()).append("\n\n## Impact\n\n").append(postMortem.content().impact())
                .append("\n\n## Root Cause\n\n").append(postMortem.content().rootCause()).append("\n\n## Timeline\n\n");
        for (TimelineEvent event : postMortem.content().timeline()) {
            out.append("- ").append(event.time().text()).append(" - ").append(event.description()).append('\n');
        }
        out.append("\n## Action Items\n\n");
        for (ActionItem item : postMortem.content().actionItems()) {
            out.append(item.isDone() ? "- [x] " : "- [ ] ").append(item.description()).append(" (")
                    .append(item.priority()).append(")\n");
        }
        return out.toString();
    }

    @Benchmark
    public String html() {
        return html.export(postMortem);
    }

    @Benchmark
    public String htmlBaseline() {
        return renderer.render(parser.parse(markdown));
    }
}

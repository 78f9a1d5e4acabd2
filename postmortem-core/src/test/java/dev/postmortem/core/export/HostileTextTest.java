package dev.postmortem.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.testing.PostMortems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever people type, the exported document has the spec's structure and shows their text
 * verbatim: checked by parsing the export with commonmark and walking the node tree.
 */
class HostileTextTest {

    private static final Parser PARSER = Parser.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
        "# Heading\n## Sub heading",
        "- list item\n* star item\n+ plus item\n1. one\n2) two",
        "[x](javascript:alert(1)) ![img](http://evil.example/y.png) <http://evil.example> <a@b.c>",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "```\nunclosed fence",
        "~~~js\nanother fence",
        "    indented code\n\tand a tab",
        "> a quote\n>> nested",
        "---\n***\n___\n- - -",
        "Setext\n===\nand\n---",
        "&amp; &#x3C;script&#x3E; &copy;",
        "*emph* _emph_ **strong** __strong__ `code` ``more``",
        "[ref]: http://evil.example\n\n[ref] and [ref][] and [x][ref]",
        "\\# escaped already \\",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "hard break  \nand\\\nanother",
        "<!-- comment -->\n<div>\nblock html\n</div>",
        "9999999999. big number\n100) also",
        "trailing # hashes ##",
        "- [x] fake done item\n- [ ] fake open item",
        "Unicode\u2028separator and\u00a0nbsp",
        "\n\n\nleading blank lines\n\n\n\ntrailing\n\n",
    })
    void userTextCannotChangeTheDocumentsStructure(String hostile) {
        PostMortem pm = everyFieldSetTo(hostile);

        String markdown = new MarkdownExporter().export(pm);
        Node document = PARSER.parse(markdown);

        List<Node> blocks = children(document);
        List<String> shape = blocks.stream().map(HostileTextTest::describe).toList();
        int summaryParagraphs = paragraphsOf(hostile);
        List<String> expected = new ArrayList<>();
        expected.add("Heading1");
        expected.add("Paragraph");
        for (String section : List.of("Summary", "Impact", "Root Cause")) {
            expected.add("Heading2:" + section);
            for (int i = 0; i < summaryParagraphs; i++) {
                expected.add("Paragraph");
            }
            if (section.equals("Impact")) {
                expected.add("BulletList");
            }
        }
        expected.addAll(List.of("Heading3:Contributing Factors", "BulletList",
                "Heading3:Why It Was Not Caught Earlier"));
        for (int i = 0; i < summaryParagraphs; i++) {
            expected.add("Paragraph");
        }
        expected.addAll(List.of("Heading3:Lessons Learned", "BulletList"));
        expected.addAll(List.of("Heading2:Timeline", "BulletList", "Heading2:Action Items", "BulletList"));
        assertThat(shape).as(markdown).isEqualTo(expected);

        // Only our own markup: two bold labels, two lists of exactly the right length.
        assertThat(countOf(document, StrongEmphasis.class)).as(markdown).isEqualTo(2);
        assertThat(nodeTypes(document)).as(markdown).isSubsetOf("Document", "Heading", "Paragraph", "Text",
                "StrongEmphasis", "SoftLineBreak", "BulletList", "ListItem", "Emphasis");
        assertThat(children(blocks.get(blocks.size() - 3))).hasSize(2).allSatisfy(HostileTextTest::singleParagraph);
        assertThat(children(blocks.get(blocks.size() - 1))).hasSize(2).allSatisfy(HostileTextTest::singleParagraph);

        // ... and the user's words, verbatim.
        String oneLine = hostile.replaceAll("\\r\\n|\\r|\\n", " ").strip();
        assertThat(text(blocks.get(0))).isEqualTo(oneLine);
        assertThat(text(children(blocks.get(blocks.size() - 3)).get(0))).isEqualTo("10:00 - " + oneLine);
        assertThat(text(children(blocks.get(blocks.size() - 1)).get(0)))
                .isEqualTo("[ ] " + oneLine + " (HIGH) - Owner: " + oneLine);
        String summary = blocks.subList(3, 3 + summaryParagraphs).stream().map(HostileTextTest::text)
                .collect(Collectors.joining("\n\n"));
        assertThat(summary).isEqualTo(expectedBlockText(hostile));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[x]: javascript:alert(1)\n\n[x]",
    })
    void theHtmlExportContainsNoMarkupFromUsers(String hostile) {
        String html = new HtmlExporter(new MarkdownExporter()).export(everyFieldSetTo(hostile));

        assertThat(html).doesNotContain("<script", "<img", "<a ", "href=\"", "<div");
        if (hostile.contains("<")) {
            assertThat(html).as("the text is shown, escaped").contains("&lt;");
        }
    }

    private static PostMortem everyFieldSetTo(String text) {
        return PostMortems.postMortem().incidentId(text).title(text).summary(text).impact(text).rootCause(text)
                .incidentDate(null).impactDetails(new ImpactDetails(5L, null, List.of(text, "api"), text))
                .rootCauseDetails(new RootCauseDetails(List.of(text), text, List.of(text)))
                .timeline(List.of(
                        new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("10:00"), text),
                        new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("11:00"), "plain")))
                .actionItems(List.of(
                        new ActionItem(UUID.randomUUID(), text, text, ActionItemStatus.TODO, Priority.HIGH, null),
                        new ActionItem(UUID.randomUUID(), "plain", null, ActionItemStatus.DONE, Priority.LOW, null)))
                .build();
    }

    private static int paragraphsOf(String text) {
        return (int) Arrays.stream(text.strip().split("\\n\\s*\\n")).filter(p -> !p.isBlank()).count();
    }

    /** Lines stripped, runs of blank lines collapsed into one paragraph break. */
    private static String expectedBlockText(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n"))
                .map(paragraph -> Arrays.stream(paragraph.split("\\n")).map(String::strip)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }

    private static void singleParagraph(Node item) {
        assertThat(item).isInstanceOf(ListItem.class);
        assertThat(children(item)).hasSize(1).first().isInstanceOf(Paragraph.class);
    }

    private static String describe(Node node) {
        if (node instanceof Heading heading) {
            return heading.getLevel() == 1 ? "Heading1" : "Heading" + heading.getLevel() + ":" + text(heading);
        }
        return node.getClass().getSimpleName();
    }

    private static List<Node> children(Node parent) {
        List<Node> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            result.add(child);
        }
        return result;
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append('\n');
            }
        });
        return out.toString();
    }

    private static long countOf(Node root, Class<? extends Node> type) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return all.stream().filter(type::isInstance).count();
    }

    private static List<String> nodeTypes(Node root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return all.stream().map(n -> n.getClass().getSimpleName()).distinct().toList();
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, into);
        }
    }
}

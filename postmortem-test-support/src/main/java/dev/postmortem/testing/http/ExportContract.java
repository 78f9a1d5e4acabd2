package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** Markdown and HTML exports keep their structure and stay inert whatever people typed. */
abstract class ExportContract extends ContractTopic {

    private static final String HOSTILE = "# Injected\\n- [x](javascript:alert(1)) <script>alert(1)</script>"
            + "\\n```\\n<img src=x onerror=alert(1)>";

    ExportContract(ContractClient api) {
        super(api);
    }

    @Test
    void hostileTextCannotAddStructureToTheMarkdown() {
        String id = hostile();

        Reply markdown = api.as(CAROL).get(path(id) + "/export?format=markdown");

        assertContentType(markdown, "text/markdown; charset=utf-8");
        Node document = Parser.builder().build().parse(markdown.body());
        List<String> headings = new ArrayList<>();
        int[] counts = new int[3];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading.getLevel() + ":" + ((Text) heading.getFirstChild())
                        .getLiteral());
            }

            @Override
            public void visit(BulletList list) {
                counts[0]++;
                visitChildren(list);
            }

            @Override
            public void visit(Link link) {
                counts[1]++;
            }

            @Override
            public void visit(HtmlInline html) {
                counts[2]++;
            }

            @Override
            public void visit(HtmlBlock html) {
                counts[2]++;
            }
        });
        assertThat(headings).hasSize(6).element(0).asString().startsWith("1:# Injected");
        assertThat(headings.subList(1, 6)).containsExactly("2:Summary", "2:Impact", "2:Root Cause", "2:Timeline",
                "2:Action Items");
        assertThat(counts[0]).as("bullet lists").isEqualTo(2);
        assertThat(counts[1]).as("links").isZero();
        assertThat(counts[2]).as("raw HTML").isZero();
    }

    @Test
    void theHtmlExportIsInert() {
        String id = hostile();

        Reply html = api.as(CAROL).get(path(id) + "/export?format=html");

        assertThat(html.status()).isEqualTo(200);
        assertContentType(html, "text/html; charset=utf-8");
        assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<h2>Action Items</h2>", "&lt;script&gt;")
                .doesNotContain("<script", "<img", "href=\"javascript");
    }

    private String hostile() {
        return createSpec(CAROL, body -> {
            String text = HOSTILE.replace("\\n", "\n");
            body.put("title", text.substring(0, 60)).put("summary", text).put("impact", text).put("rootCause", text);
            ((ObjectNode) body.get("timeline").get(0)).put("description", text);
            ((ObjectNode) body.get("actionItems").get(0)).put("description", text);
        }).id();
    }
}

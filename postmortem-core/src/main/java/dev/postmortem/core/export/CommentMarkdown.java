package dev.postmortem.core.export;

import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A review comment's Markdown as a safe HTML fragment: raw HTML is escaped, links keep only
 * safe schemes, and an image is written as its text (a remote image would tell its server
 * who read the comment).
 */
public final class CommentMarkdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .nodeRendererFactory(ImageAsText::new).build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    private static final class ImageAsText implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            StringBuilder text = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text literal) {
                    text.append(literal.getLiteral());
                }
            }
            context.getWriter().text(text.isEmpty() ? ((Image) node).getDestination() : text.toString());
        }
    }
}

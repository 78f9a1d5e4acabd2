package dev.postmortem.core.export;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Shows the export's {@code - [ ]} and {@code - [x]} action items as ballot boxes in HTML instead
 * of literal brackets. Only the start of a list item's first text is read: the exporter writes
 * the marker there, and user text cannot put one there (its brackets and list markers are
 * escaped).
 */
final class TaskListMarkers implements PostProcessor {

    private static final String OPEN = "[ ] ";
    private static final String DONE = "[x] ";

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(ListItem item) {
                if (item.getFirstChild() instanceof Paragraph paragraph
                        && paragraph.getFirstChild() instanceof Text text) {
                    String literal = text.getLiteral();
                    if (literal.startsWith(OPEN)) {
                        text.setLiteral("\u2610 " + literal.substring(OPEN.length()));
                    } else if (literal.startsWith(DONE)) {
                        text.setLiteral("\u2611 " + literal.substring(DONE.length()));
                    }
                }
                visitChildren(item);
            }
        });
        return document;
    }
}

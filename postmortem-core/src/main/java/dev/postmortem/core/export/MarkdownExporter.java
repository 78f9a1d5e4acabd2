package dev.postmortem.core.export;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.TimelineEvent;

/**
 * The Markdown export in the spec's format: {@code # title}, then Summary, Impact, Root Cause,
 * Timeline ({@code - 14:35 - ...}) and Action Items ({@code - [ ] description (HIGH)},
 * {@code - [x]} when done, with owner and due date). All user text is escaped, so the
 * document's structure is always exactly this one.
 */
public final class MarkdownExporter {

    public String export(PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        StringBuilder md = new StringBuilder(1024);
        md.append("# ");
        MarkdownText.appendInline(md, content.title());
        md.append("\n\n**Incident:** ");
        MarkdownText.appendInline(md, content.incidentId());
        md.append(" · **Status:** ").append(postMortem.status()).append("\n\n");
        section(md, "Summary", content.summary());
        section(md, "Impact", content.impact());
        section(md, "Root Cause", content.rootCause());

        md.append("## Timeline\n\n");
        if (content.timeline().isEmpty()) {
            md.append("_No events recorded._\n\n");
        }
        for (TimelineEvent event : content.timeline()) {
            md.append("- ");
            MarkdownText.appendInline(md, event.time().text());
            md.append(" - ");
            MarkdownText.appendInline(md, event.description());
            md.append('\n');
        }
        if (!content.timeline().isEmpty()) {
            md.append('\n');
        }

        md.append("## Action Items\n\n");
        if (content.actionItems().isEmpty()) {
            md.append("_No action items._\n");
        }
        for (ActionItem item : content.actionItems()) {
            md.append(item.isDone() ? "- [x] " : "- [ ] ");
            MarkdownText.appendInline(md, item.description());
            md.append(" (").append(item.priority()).append(')');
            if (item.status() == ActionItemStatus.IN_PROGRESS) {
                md.append(" - In progress");
            }
            if (item.owner() != null) {
                md.append(" - Owner: ");
                MarkdownText.appendInline(md, item.owner());
            }
            if (item.dueDate() != null) {
                md.append(" - Due: ").append(item.dueDate());
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String heading, String text) {
        md.append("## ").append(heading).append("\n\n");
        if (text == null || !MarkdownText.appendBlock(md, text)) {
            md.append("_Not written yet._");
        }
        md.append("\n\n");
    }
}

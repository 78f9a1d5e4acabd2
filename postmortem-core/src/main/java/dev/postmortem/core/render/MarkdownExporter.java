package dev.postmortem.core.render;

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
        md.append("# ").append(MarkdownText.inline(content.title())).append("\n\n");
        md.append("**Incident:** ").append(MarkdownText.inline(content.incidentId()))
                .append(" · **Status:** ").append(postMortem.status()).append("\n\n");
        section(md, "Summary", content.summary());
        section(md, "Impact", content.impact());
        section(md, "Root Cause", content.rootCause());

        md.append("## Timeline\n\n");
        if (content.timeline().isEmpty()) {
            md.append("_No events recorded._\n\n");
        }
        for (TimelineEvent event : content.timeline()) {
            md.append("- ").append(MarkdownText.inline(event.time().text())).append(" - ")
                    .append(MarkdownText.inline(event.description())).append('\n');
        }
        if (!content.timeline().isEmpty()) {
            md.append('\n');
        }

        md.append("## Action Items\n\n");
        if (content.actionItems().isEmpty()) {
            md.append("_No action items._\n");
        }
        for (ActionItem item : content.actionItems()) {
            md.append(item.isDone() ? "- [x] " : "- [ ] ").append(MarkdownText.inline(item.description()))
                    .append(" (").append(item.priority()).append(')');
            if (item.status() == ActionItemStatus.IN_PROGRESS) {
                md.append(" - In progress");
            }
            if (item.owner() != null) {
                md.append(" - Owner: ").append(MarkdownText.inline(item.owner()));
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
        String body = text == null ? "" : MarkdownText.block(text);
        md.append(body.isEmpty() ? "_Not written yet._" : body).append("\n\n");
    }
}

package dev.postmortem.benchmarks;

import java.util.List;

/**
 * The spec's Markdown export as a team would write it by hand for the baselines: the whole
 * document (every section, the timeline, the action items with priority, owner and due date),
 * string concatenation and no escaping. An export of fewer sections would answer less than the
 * project's and make the ratio measure the difference in output.
 */
final class HandWrittenMarkdown {

    record Event(String time, String description) {
    }

    record Item(String description, String priority, String status, String owner, String dueDate) {
    }

    private HandWrittenMarkdown() {
    }

    static String export(String title, String incidentId, String status, String summary, String impact,
                         String rootCause, List<Event> timeline, List<Item> actionItems) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n**Incident:** ").append(incidentId)
                .append(" · **Status:** ").append(status).append("\n\n## Summary\n\n").append(summary)
                .append("\n\n## Impact\n\n").append(impact).append("\n\n## Root Cause\n\n").append(rootCause)
                .append("\n\n## Timeline\n\n");
        for (Event event : timeline) {
            md.append("- ").append(event.time()).append(" - ").append(event.description()).append('\n');
        }
        md.append("\n## Action Items\n\n");
        for (Item item : actionItems) {
            md.append(item.status().equals("DONE") ? "- [x] " : "- [ ] ").append(item.description()).append(" (")
                    .append(item.priority()).append(')');
            if (item.owner() != null) {
                md.append(" - Owner: ").append(item.owner());
            }
            if (item.dueDate() != null) {
                md.append(" - Due: ").append(item.dueDate());
            }
            md.append('\n');
        }
        return md.toString();
    }
}

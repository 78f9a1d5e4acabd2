package dev.postmortem.core.export;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Durations;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.TimelineEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown export in the spec's format: {@code # title}, then Summary, Impact (its text, then
 * {@code - 1,200 users affected}, {@code - Duration: 15 minutes} ...), Root Cause (with its
 * sub-sections when written), Timeline ({@code - 14:35 - ...}, key moments named, then the
 * durations) and Action Items ({@code - [ ] description (HIGH)}, {@code - [x]} when done, with
 * owner and due date). All user text is escaped, so the document's structure is always exactly
 * this one.
 */
public final class MarkdownExporter {

    /** The export with no item marked overdue (as of no day). */
    public String export(PostMortem postMortem) {
        return export(postMortem, null);
    }

    /** The export, items not done and due before {@code today} marked {@code (overdue)}. */
    public String export(PostMortem postMortem, LocalDate today) {
        PostMortemContent content = postMortem.content();
        StringBuilder md = new StringBuilder(1024);
        md.append("# ");
        MarkdownText.appendInline(md, content.title());
        md.append("\n\n**Incident:** ");
        MarkdownText.appendInline(md, content.incidentId());
        if (content.incidentDate() != null) {
            md.append(" · **Date:** ").append(content.incidentDate()).append(" (").append(content.timeZone().getId())
                    .append(')');
        }
        md.append(" · **Status:** ").append(postMortem.status()).append("\n\n");
        section(md, "Summary", content.summary());
        impact(md, content.impact(), content.impactDetails(), content.durations().impactDuration());
        rootCause(md, content.rootCause(), content.rootCauseDetails());

        md.append("## Timeline\n\n");
        if (content.timeline().isEmpty()) {
            md.append("_No events recorded._\n\n");
        }
        for (TimelineEvent event : content.timeline()) {
            md.append("- ");
            MarkdownText.appendInline(md, event.time().text());
            md.append(" - ");
            MarkdownText.appendInline(md, event.description());
            if (event.keyMoment() != null) {
                md.append(" _(").append(event.keyMoment().label().toLowerCase(Locale.ROOT)).append(")_");
            }
            md.append('\n');
        }
        if (!content.timeline().isEmpty()) {
            md.append('\n');
        }
        durations(md, content.durations());

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
                if (today != null && item.isOverdue(today)) {
                    md.append(" (overdue)");
                }
            }
            if (item.trackerKey() != null || item.trackerUrl() != null) {
                md.append(" - Tracker: ");
                if (item.trackerUrl() == null) {
                    MarkdownText.appendInline(md, item.trackerKey());
                } else {
                    // an http(s) URI has no space, < or >, so its pointy-bracket destination needs no escaping
                    md.append('[');
                    MarkdownText.appendInline(md, item.trackerKey() == null ? item.trackerUrl() : item.trackerKey());
                    md.append("](<").append(item.trackerUrl()).append(">)");
                }
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

    private static void impact(StringBuilder md, String text, ImpactDetails details, Duration duration) {
        boolean facts = !details.isEmpty() || duration != null;
        md.append("## Impact\n\n");
        if (text != null && MarkdownText.appendBlock(md, text)) {
            md.append("\n\n");
        } else if (!facts) {
            md.append("_Not written yet._\n\n");
        }
        if (details.usersAffected() != null || details.usersAffectedPercent() != null) {
            md.append("- ");
            if (details.usersAffected() != null) {
                md.append(String.format(Locale.ROOT, "%,d", details.usersAffected())).append(" users affected");
                if (details.usersAffectedPercent() != null) {
                    md.append(" (").append(percent(details.usersAffectedPercent())).append(')');
                }
            } else {
                md.append(percent(details.usersAffectedPercent())).append(" of users affected");
            }
            md.append('\n');
        }
        if (duration != null) {
            md.append("- Duration: ").append(DurationText.of(duration)).append('\n');
        }
        if (!details.servicesAffected().isEmpty()) {
            md.append("- Services affected: ");
            joined(md, details.servicesAffected());
            md.append('\n');
        }
        if (details.businessImpact() != null) {
            md.append("- Business impact: ");
            MarkdownText.appendInline(md, details.businessImpact());
            md.append('\n');
        }
        if (facts) {
            md.append('\n');
        }
    }

    private static void rootCause(StringBuilder md, String text, RootCauseDetails details) {
        section(md, "Root Cause", text);
        list(md, "Contributing Factors", details.contributingFactors());
        if (details.whyNotCaughtEarlier() != null) {
            md.append("### Why It Was Not Caught Earlier\n\n");
            MarkdownText.appendBlock(md, details.whyNotCaughtEarlier());
            md.append("\n\n");
        }
        list(md, "Lessons Learned", details.lessonsLearned());
    }

    private static void list(StringBuilder md, String heading, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append("\n\n");
        for (String entry : entries) {
            md.append("- ");
            MarkdownText.appendInline(md, entry);
            md.append('\n');
        }
        md.append('\n');
    }

    private static void durations(StringBuilder md, Durations durations) {
        StringBuilder line = new StringBuilder();
        measure(line, "Time to detect", durations.timeToDetect());
        measure(line, "Time to acknowledge", durations.timeToAcknowledge());
        measure(line, "Time to mitigate", durations.timeToMitigate());
        measure(line, "Time to resolve", durations.timeToResolve());
        if (!line.isEmpty()) {
            md.append(line).append("\n\n");
        }
    }

    private static void measure(StringBuilder line, String name, Duration duration) {
        if (duration != null) {
            line.append(line.isEmpty() ? "" : " · ").append("**").append(name).append(":** ")
                    .append(DurationText.of(duration));
        }
    }

    private static void joined(StringBuilder md, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            md.append(i == 0 ? "" : ", ");
            MarkdownText.appendInline(md, entries.get(i));
        }
    }

    private static String percent(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }
}

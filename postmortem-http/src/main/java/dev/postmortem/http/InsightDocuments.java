package dev.postmortem.http;

import dev.postmortem.core.insight.ActionItemFigures;
import dev.postmortem.core.insight.InsightGroup;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.insight.Recurrence;
import dev.postmortem.core.insight.Spread;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON of {@link Insights}: durations as ISO-8601 ({@code PT15M}), shares from 0 to 1. */
final class InsightDocuments {

    private InsightDocuments() {
    }

    static InsightsDocument of(Insights insights) {
        return new InsightsDocument(insights.from(), insights.to(), insights.groupBy().apiName(),
                group(insights.total()), insights.groups().stream().map(InsightDocuments::group).toList(),
                insights.recurrence().stream().map(InsightDocuments::recurrence).toList());
    }

    record InsightsDocument(LocalDate from, LocalDate to, String groupBy, GroupDocument total,
                            List<GroupDocument> groups, List<RecurrenceDocument> recurrence) {
    }

    private static GroupDocument group(InsightGroup group) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (PostMortemStatus status : PostMortemStatus.values()) {
            byStatus.put(status.name(), group.byStatus().get(status));
        }
        ActionItemFigures items = group.actionItems();
        return new GroupDocument(group.key(), group.postMortems(), byStatus, spread(group.timeToDetect()),
                spread(group.timeToAcknowledge()), spread(group.timeToMitigate()), spread(group.timeToResolve()),
                spread(group.impactDuration()), new ActionItemsDocument(items.created(), items.done(),
                        items.overdue(), items.completionRate(), iso(items.medianTimeToDone())),
                spread(group.timeToPublish()), group.publishedWithin24h(), group.publishedWithin5Days());
    }

    record GroupDocument(String key, long postMortems, Map<String, Long> byStatus, SpreadDocument timeToDetect,
                         SpreadDocument timeToAcknowledge, SpreadDocument timeToMitigate, SpreadDocument timeToResolve,
                         SpreadDocument impactDuration, ActionItemsDocument actionItems, SpreadDocument timeToPublish,
                         Double publishedWithin24h, Double publishedWithin5Days) {
    }

    private static SpreadDocument spread(Spread spread) {
        return new SpreadDocument(iso(spread.median()), iso(spread.p90()));
    }

    record SpreadDocument(String median, String p90) {
    }

    record ActionItemsDocument(long created, long done, long overdue, Double completionRate, String medianTimeToDone) {
    }

    private static RecurrenceDocument recurrence(Recurrence recurrence) {
        return new RecurrenceDocument(recurrence.kind(), recurrence.key(), recurrence.count(),
                recurrence.postMortems().stream()
                .map(pm -> new OccurrenceDocument(pm.id(), pm.title(), pm.status(), pm.day())).toList());
    }

    record RecurrenceDocument(String kind, String key, long count, List<OccurrenceDocument> postMortems) {
    }

    record OccurrenceDocument(UUID id, String title, PostMortemStatus status, LocalDate day) {
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}

package dev.postmortem.testing;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.insight.ActionItemFigures;
import dev.postmortem.core.insight.InsightGroup;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.insight.Label;
import dev.postmortem.core.insight.Recurrence;
import dev.postmortem.core.insight.Spread;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Durations;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.TimelineRules;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The insights of the in-memory fake, computed over the visible post-mortems as the JDBC
 * repository's SQL does (percentiles interpolated as {@code PERCENTILE_CONT}).
 */
final class InMemoryInsights {

    /** When an item was created and done, as the fake saw them written. */
    record ItemTimes(Instant createdAt, Instant doneAt) {
    }

    private InMemoryInsights() {
    }

    static Insights of(InsightQuery query, List<PostMortem> visible, Map<UUID, ItemTimes> items) {
        Map<String, List<PostMortem>> groups = new LinkedHashMap<>();
        for (PostMortem pm : visible) {
            for (String key : keys(pm, query.groupBy())) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(pm);
            }
        }
        List<InsightGroup> ordered = new ArrayList<>();
        groups.forEach((key, members) -> ordered.add(group(key, members, query.today(), items)));
        ordered.sort(Comparator.comparing(InsightGroup::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Insights(query.from(), query.to(), query.groupBy(), group(null, visible, query.today(), items),
                ordered, recurrence(visible));
    }

    /** The groups a post-mortem counts in: its month, or its labels of the grouping's kind (as pm_label holds them). */
    private static List<String> keys(PostMortem pm, InsightGrouping grouping) {
        List<String> keys = switch (grouping) {
            case MONTH -> List.of(day(pm).toString().substring(0, 7));
            case TEMPLATE -> pm.templateId() == null ? List.of() : List.of(pm.templateId());
            case SERVICE, TAG, CATEGORY -> Label.of(pm).stream()
                    .filter(label -> label.kind().equals(grouping.apiName())).map(Label::key).toList();
        };
        return keys.isEmpty() ? Collections.singletonList(null) : keys;
    }

    private static LocalDate day(PostMortem pm) {
        return ListFilters.dayOf(pm.content().incidentDate(), pm.createdAt());
    }

    private static InsightGroup group(String key, List<PostMortem> members, LocalDate today,
                                      Map<UUID, ItemTimes> items) {
        Map<PostMortemStatus, Long> byStatus = new EnumMap<>(PostMortemStatus.class);
        members.forEach(pm -> byStatus.merge(pm.status(), 1L, Long::sum));
        List<Durations> durations = members.stream().map(pm -> pm.content().durations()).toList();
        List<Long> publish = new ArrayList<>();
        long resolved = 0;
        for (PostMortem pm : members) {
            Instant resolution = TimelineRules.keyMoments(pm.content().timeline(), pm.content().incidentDate(),
                    pm.content().timeZone()).get(KeyMoment.RESOLVED);
            if (resolution != null) {
                resolved++;
                if (pm.publishedAt() != null) {
                    publish.add(Duration.between(resolution, pm.publishedAt()).getSeconds());
                }
            }
        }
        long finalResolved = resolved;
        return new InsightGroup(key, members.size(), byStatus, spread(durations, Durations::timeToDetect),
                spread(durations, Durations::timeToAcknowledge), spread(durations, Durations::timeToMitigate),
                spread(durations, Durations::timeToResolve), spread(durations, Durations::impactDuration),
                itemFigures(members, today, items), spreadOf(publish),
                share(publish.stream().filter(s -> s <= 86_400).count(), finalResolved),
                share(publish.stream().filter(s -> s <= 5 * 86_400).count(), finalResolved));
    }

    private static ActionItemFigures itemFigures(List<PostMortem> members, LocalDate today, Map<UUID, ItemTimes> times) {
        long created = 0;
        long done = 0;
        long overdue = 0;
        List<Long> toDone = new ArrayList<>();
        for (PostMortem pm : members) {
            for (ActionItem item : pm.content().actionItems()) {
                created++;
                if (item.isDone()) {
                    done++;
                    ItemTimes kept = times.get(item.id());
                    if (kept != null && kept.createdAt() != null && kept.doneAt() != null) {
                        toDone.add(Duration.between(kept.createdAt(), kept.doneAt()).getSeconds());
                    }
                } else if (item.dueDate() != null && item.dueDate().isBefore(today)) {
                    overdue++;
                }
            }
        }
        return new ActionItemFigures(created, done, overdue, share(done, created), percentile(toDone, 0.5));
    }

    private static Spread spread(List<Durations> durations, Function<Durations, Duration> which) {
        return spreadOf(durations.stream().map(which).filter(Objects::nonNull).map(Duration::getSeconds).toList());
    }

    private static Spread spreadOf(List<Long> seconds) {
        return new Spread(percentile(seconds, 0.5), percentile(seconds, 0.9));
    }

    /** {@code PERCENTILE_CONT}: linear interpolation between the values around position p * (n - 1). */
    static Duration percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double value = sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
        return Duration.ofSeconds(Math.round(value));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static List<Recurrence> recurrence(List<PostMortem> visible) {
        Map<Label, List<PostMortem>> byLabel = new LinkedHashMap<>();
        for (PostMortem pm : visible) {
            for (Label label : Label.of(pm)) {
                byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(pm);
            }
        }
        List<Recurrence> recurrences = new ArrayList<>();
        byLabel.forEach((label, members) -> {
            List<PostMortem> sorted = members.stream().sorted(Comparator.comparing(InMemoryInsights::day)
                    .thenComparing(pm -> pm.id().toString())).toList();
            List<Recurrence.Occurrence> recurring = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                boolean near = i > 0 && within(sorted.get(i - 1), sorted.get(i))
                        || i + 1 < sorted.size() && within(sorted.get(i), sorted.get(i + 1));
                if (near) {
                    PostMortem pm = sorted.get(i);
                    recurring.add(new Recurrence.Occurrence(pm.id(), pm.content().title(), pm.status(), day(pm)));
                }
            }
            if (!recurring.isEmpty()) {
                List<Recurrence.Occurrence> newestFirst = new ArrayList<>(recurring);
                Collections.reverse(newestFirst);
                recurrences.add(new Recurrence(label.kind(), label.key(), recurring.size(),
                        newestFirst.subList(0, Math.min(Recurrence.LISTED, newestFirst.size()))));
            }
        });
        recurrences.sort(Comparator.comparingLong((Recurrence r) -> -r.count())
                .thenComparing(Recurrence::kind).thenComparing(Recurrence::key));
        return recurrences;
    }

    private static boolean within(PostMortem earlier, PostMortem later) {
        return ChronoUnit.DAYS.between(day(earlier), day(later)) <= Recurrence.WINDOW_DAYS;
    }
}

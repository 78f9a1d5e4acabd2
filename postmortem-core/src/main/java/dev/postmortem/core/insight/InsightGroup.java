package dev.postmortem.core.insight;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one group of post-mortems (or of all of them, with a {@code null} key).
 *
 * @param key the month, service, tag, category or template; {@code null} for none of them
 * @param postMortems how many post-mortems
 * @param byStatus how many in each status, every status present
 * @param timeToDetect detection after impact started ({@link dev.postmortem.core.model.Durations})
 * @param timeToPublish from the incident's resolution to the post-mortem's publication
 * @param publishedWithin24h of the post-mortems whose incident is resolved, the share published
 *     within 24 hours of the resolution (not yet published counts as not); {@code null} when
 *     none is resolved
 * @param publishedWithin5Days the same within 5 days
 */
public record InsightGroup(String key, long postMortems, Map<PostMortemStatus, Long> byStatus, Spread timeToDetect,
                           Spread timeToAcknowledge, Spread timeToMitigate, Spread timeToResolve,
                           Spread impactDuration, ActionItemFigures actionItems, Spread timeToPublish,
                           Double publishedWithin24h, Double publishedWithin5Days) {

    public InsightGroup {
        Map<PostMortemStatus, Long> all = new EnumMap<>(PostMortemStatus.class);
        for (PostMortemStatus status : PostMortemStatus.values()) {
            all.put(status, byStatus.getOrDefault(status, 0L));
        }
        byStatus = Map.copyOf(all);
    }

    /** This group with its action items' figures. */
    public InsightGroup withActionItems(ActionItemFigures figures) {
        return new InsightGroup(key, postMortems, byStatus, timeToDetect, timeToAcknowledge, timeToMitigate,
                timeToResolve, impactDuration, figures, timeToPublish, publishedWithin24h, publishedWithin5Days);
    }
}

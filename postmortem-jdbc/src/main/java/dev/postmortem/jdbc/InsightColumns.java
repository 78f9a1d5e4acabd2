package dev.postmortem.jdbc;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.insight.Label;
import dev.postmortem.core.model.Durations;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.TimelineRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The columns and {@code pm_label} rows the insights aggregate (V9), derived from the document
 * with each write: its day, its key moments' durations in seconds, its resolution and the time
 * from it to publication; its day also on its action item and label rows (V10).
 */
final class InsightColumns {

    /** Written into {@code insight_columns_version}: rows below it are derived again at start-up. */
    static final int VERSION = 1;

    static final List<String> COLUMNS = List.of("incident_day", "time_to_detect_s", "time_to_acknowledge_s",
            "time_to_mitigate_s", "time_to_resolve_s", "impact_duration_s", "resolved_at", "time_to_publish_s",
            "insight_columns_version");

    private InsightColumns() {
    }

    /** Binds {@link #COLUMNS} (as {@code :incidentDay}, {@code :timeToDetectS}, ...) to the post-mortem's values. */
    static <S extends SqlStatement<S>> S bind(S statement, PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        Map<KeyMoment, Instant> moments = TimelineRules.keyMoments(content.timeline(), content.incidentDate(),
                content.timeZone());
        Durations durations = Durations.of(moments);
        Instant resolved = moments.get(KeyMoment.RESOLVED);
        return statement.bind("incidentDay", day(postMortem))
                .bindByType("timeToDetectS", seconds(durations.timeToDetect()), Long.class)
                .bindByType("timeToAcknowledgeS", seconds(durations.timeToAcknowledge()), Long.class)
                .bindByType("timeToMitigateS", seconds(durations.timeToMitigate()), Long.class)
                .bindByType("timeToResolveS", seconds(durations.timeToResolve()), Long.class)
                .bindByType("impactDurationS", seconds(durations.impactDuration()), Long.class)
                .bind("resolvedAt", SqlValues.instant(resolved))
                .bindByType("timeToPublishS", resolved == null || postMortem.publishedAt() == null ? null
                        : seconds(Duration.between(resolved, postMortem.publishedAt())), Long.class)
                .bind("insightColumnsVersion", VERSION);
    }

    /** The post-mortem's {@code incident_day}, which its action item and label rows carry too (V10). */
    static LocalDate day(PostMortem postMortem) {
        return ListFilters.dayOf(postMortem.content().incidentDate(), postMortem.createdAt());
    }

    /** Moves the post-mortem's action item and label rows to its day, after a write changed it. */
    static void moveRowsToDay(Handle handle, PostMortem postMortem) {
        for (String table : new String[] {"pm_action_item", "pm_label"}) {
            handle.createUpdate("UPDATE " + table + " SET incident_day = :day WHERE post_mortem_id = :id"
                    + " AND incident_day <> :day").bind("day", day(postMortem)).bind("id", postMortem.id()).execute();
        }
    }

    /** {@code a = :a, b = :b, ...} of {@link #COLUMNS}, for an UPDATE. */
    static String assignments() {
        return COLUMNS.stream().map(column -> column + " = :" + parameter(column)).collect(Collectors.joining(", "));
    }

    /** {@code a, b, ...} and {@code :a, :b, ...} of {@link #COLUMNS}, for an INSERT. */
    static String names() {
        return String.join(", ", COLUMNS);
    }

    static String parameters() {
        return COLUMNS.stream().map(column -> ":" + parameter(column)).collect(Collectors.joining(", "));
    }

    private static String parameter(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.getSeconds();
    }

    /** Whether the labels of {@code after} differ from those of {@code before}. */
    static boolean labelsChanged(PostMortem before, PostMortem after) {
        return !Label.of(before).equals(Label.of(after));
    }

    /** Replaces the post-mortem's {@code pm_label} rows with its services, tags and category. */
    static void writeLabels(Handle handle, PostMortem postMortem, boolean replace) {
        if (replace) {
            handle.createUpdate("DELETE FROM pm_label WHERE post_mortem_id = :id").bind("id", postMortem.id())
                    .execute();
        }
        Set<Label> labels = Label.of(postMortem);
        if (labels.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO pm_label (post_mortem_id, tenant_id, kind, label,"
                + " incident_day) VALUES (:id, :tenantId, :kind, :label, :day)");
        for (Label label : labels) {
            batch.bind("id", postMortem.id()).bind("tenantId", postMortem.tenantId()).bind("kind", label.kind())
                    .bind("label", label.key()).bind("day", day(postMortem)).add();
        }
        batch.execute();
    }
}

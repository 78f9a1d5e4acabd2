package dev.postmortem.jdbc;

import dev.postmortem.core.insight.ActionItemFigures;
import dev.postmortem.core.insight.InsightGroup;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.insight.Label;
import dev.postmortem.core.insight.Recurrence;
import dev.postmortem.core.insight.Spread;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The insights as aggregate statements over the visible post-mortems of the range (the CTE
 * {@code v}, read from the {@code (tenant_id, incident_day)} index, on PostgreSQL only from it:
 * it includes every column {@code v} takes): the figures per group and in
 * total, the action items' per group and in total, and the recurrences (a window over each label's
 * post-mortems by day, so each is compared with its neighbours only). The same SQL on H2 and
 * PostgreSQL: both have {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code FILTER}, {@code LAG}.
 */
final class InsightStatement {

    private static final String[] DURATIONS = {"time_to_detect_s", "time_to_acknowledge_s", "time_to_mitigate_s",
        "time_to_resolve_s", "impact_duration_s", "time_to_publish_s"};
    private static final long DAY = 86_400;

    private final InsightQuery query;
    private final SqlDialect dialect;

    InsightStatement(InsightQuery query, SqlDialect dialect) {
        this.query = query;
        this.dialect = dialect;
    }

    Insights run(Handle handle) {
        Map<String, InsightGroup> groups = new LinkedHashMap<>();
        bind(handle.createQuery(visible() + "SELECT " + key() + " AS k, " + figures() + " FROM v" + join()
                + " GROUP BY " + key())).map(InsightStatement::group).forEach(group -> groups.put(group.key(), group));
        bind(handle.createQuery(visible() + "SELECT " + key() + " AS k, " + itemFigures() + " FROM v" + join()
                + " JOIN pm_action_item a ON a.post_mortem_id = v.id GROUP BY " + key()))
                .map((rs, ctx) -> new KeyedItems(rs.getString(1), items(rs)))
                .forEach(keyed -> groups.computeIfPresent(keyed.key(), (key, group) -> group.withActionItems(keyed.items())));
        InsightGroup total = bind(handle.createQuery(visible() + "SELECT NULL AS k, " + figures() + " FROM v"))
                .map(InsightStatement::group).one();
        ActionItemFigures allItems = bind(handle.createQuery(visible() + "SELECT NULL AS k, " + itemFigures()
                + " FROM v JOIN pm_action_item a ON a.post_mortem_id = v.id")).map((rs, ctx) -> items(rs)).one();
        List<InsightGroup> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing(InsightGroup::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Insights(query.from(), query.to(), query.groupBy(), total.withActionItems(allItems), ordered,
                recurrence(handle));
    }

    /** The visible post-mortems of the range as the CTE {@code v}. */
    private String visible() {
        StringBuilder sql = new StringBuilder("""
                WITH v AS (
                SELECT p.id, p.status, p.incident_day, p.template_id, p.category, p.time_to_detect_s,
                       p.time_to_acknowledge_s, p.time_to_mitigate_s, p.time_to_resolve_s, p.impact_duration_s,
                       p.resolved_at, p.time_to_publish_s
                  FROM pm_post_mortem p
                 WHERE p.tenant_id = :tenantId""");
        if (!query.viewer().admin()) {
            sql.append("\n   AND ").append(dialect.visibleTo("viewer"));
        }
        ClassificationFilters.append(sql, query.filters(), dialect);
        return sql.append(")\n").toString();
    }

    private Query bind(Query statement) {
        statement.bind("tenantId", query.viewer().tenantId()).bind("today", query.today());
        if (!query.viewer().admin()) {
            statement.bind("viewer", query.viewer().id().toLowerCase(Locale.ROOT));
        }
        ClassificationFilters.bind(statement, query.filters());
        return statement;
    }

    private String key() {
        return switch (query.groupBy()) {
            case MONTH -> dialect.bytewise("TO_CHAR(v.incident_day, 'YYYY-MM')");
            case SERVICE, TAG -> dialect.bytewise("l.label");
            case CATEGORY -> dialect.bytewise("v.category");
            case TEMPLATE -> dialect.bytewise("v.template_id");
        };
    }

    private String join() {
        return query.groupBy() == InsightGrouping.SERVICE || query.groupBy() == InsightGrouping.TAG
                ? " LEFT JOIN pm_label l ON l.post_mortem_id = v.id AND l.kind = '" + labelKind() + "'" : "";
    }

    private String labelKind() {
        return query.groupBy() == InsightGrouping.SERVICE ? "service" : "tag";
    }

    /** Read by {@link #group} by position: count, one per status, two per duration, the publication shares. */
    private static String figures() {
        StringBuilder sql = new StringBuilder("COUNT(*)");
        for (PostMortemStatus status : PostMortemStatus.values()) {
            sql.append(", COUNT(*) FILTER (WHERE v.status = '").append(status.name()).append("')");
        }
        for (String duration : DURATIONS) {
            sql.append(", PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY v.").append(duration).append(")")
                    .append(", PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY v.").append(duration).append(")");
        }
        return sql.append(", COUNT(v.resolved_at)")
                .append(", COUNT(*) FILTER (WHERE v.time_to_publish_s <= ").append(DAY).append(")")
                .append(", COUNT(*) FILTER (WHERE v.time_to_publish_s <= ").append(5 * DAY).append(")").toString();
    }

    private static InsightGroup group(ResultSet rs, StatementContext ctx) throws SQLException {
        int column = 1;
        String key = rs.getString(column++);
        long count = rs.getLong(column++);
        Map<PostMortemStatus, Long> byStatus = new EnumMap<>(PostMortemStatus.class);
        for (PostMortemStatus status : PostMortemStatus.values()) {
            byStatus.put(status, rs.getLong(column++));
        }
        Spread[] spreads = new Spread[DURATIONS.length];
        for (int i = 0; i < DURATIONS.length; i++) {
            spreads[i] = new Spread(duration(rs, column++), duration(rs, column++));
        }
        long resolved = rs.getLong(column++);
        long within24h = rs.getLong(column++);
        long within5Days = rs.getLong(column);
        return new InsightGroup(key, count, byStatus, spreads[0], spreads[1], spreads[2], spreads[3], spreads[4],
                ActionItemFigures.NONE, spreads[5], share(within24h, resolved), share(within5Days, resolved));
    }

    private static String itemFigures() {
        return "COUNT(a.id), COUNT(a.id) FILTER (WHERE a.status = 'DONE'),"
                + " COUNT(a.id) FILTER (WHERE a.status <> 'DONE' AND a.due_date < :today),"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.time_to_done_s)";
    }

    private static ActionItemFigures items(ResultSet rs) throws SQLException {
        long created = rs.getLong(2);
        long done = rs.getLong(3);
        return new ActionItemFigures(created, done, rs.getLong(4), share(done, created), duration(rs, 5));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** A percentile of seconds, to the nearest second. */
    private static Duration duration(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofSeconds(Math.round(seconds));
    }

    /**
     * Each label's post-mortems that have a neighbour within the window, the most recent {@link
     * Recurrence#LISTED} of them with how many there are; the most recurring first.
     */
    private List<Recurrence> recurrence(Handle handle) {
        String sql = visible() + """
                SELECT s.kind, s.label, s.id, t.title, s.status, s.incident_day, s.recurring FROM (
                SELECT r.kind, r.label, r.id, r.status, r.incident_day,
                       ROW_NUMBER() OVER (PARTITION BY r.kind, r.label ORDER BY r.incident_day DESC, r.id DESC) AS position,
                       COUNT(*) OVER (PARTITION BY r.kind, r.label) AS recurring
                  FROM (
                  SELECT %s AS kind, %s AS label, v.id, v.status, v.incident_day,
                         LAG(v.incident_day) OVER (PARTITION BY l.kind, l.label
                                                   ORDER BY v.incident_day, v.id) AS previous_day,
                         LEAD(v.incident_day) OVER (PARTITION BY l.kind, l.label
                                                    ORDER BY v.incident_day, v.id) AS next_day
                    FROM v JOIN pm_label l ON l.post_mortem_id = v.id) r
                 WHERE r.previous_day >= r.incident_day - %d OR r.next_day <= r.incident_day + %d) s
                  JOIN pm_post_mortem t ON t.id = s.id
                 WHERE s.position <= %d
                 ORDER BY s.kind, s.label, s.incident_day DESC, s.id DESC""".formatted(dialect.bytewise("l.kind"),
                dialect.bytewise("l.label"), Recurrence.WINDOW_DAYS, Recurrence.WINDOW_DAYS, Recurrence.LISTED);
        Map<Label, List<Recurrence.Occurrence>> byLabel = new LinkedHashMap<>();
        Map<Label, Long> counts = new HashMap<>();
        bind(handle.createQuery(sql)).map((rs, ctx) -> new LabelledOccurrence(new Label(rs.getString(1), rs.getString(2)),
                        new Recurrence.Occurrence(SqlValues.uuid(rs, 3), rs.getString(4),
                                PostMortemStatus.valueOf(rs.getString(5)), SqlValues.date(rs, 6)), rs.getLong(7)))
                .forEach(row -> {
                    byLabel.computeIfAbsent(row.label(), label -> new ArrayList<>()).add(row.occurrence());
                    counts.put(row.label(), row.count());
                });
        List<Recurrence> recurrences = new ArrayList<>();
        byLabel.forEach((label, occurrences) -> recurrences.add(new Recurrence(label.kind(), label.key(),
                counts.get(label), occurrences)));
        recurrences.sort(Comparator.comparingLong((Recurrence r) -> -r.count())
                .thenComparing(Recurrence::kind).thenComparing(Recurrence::key));
        return recurrences;
    }

    private record KeyedItems(String key, ActionItemFigures items) {
    }

    private record LabelledOccurrence(Label label, Recurrence.Occurrence occurrence, long count) {
    }
}

package dev.postmortem.jdbc;

import dev.postmortem.core.classification.ListFilters;
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
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The insights as aggregate statements over the visible post-mortems of the range (the CTE
 * {@code v}, read from the {@code (tenant_id, incident_day)} index, on PostgreSQL only from it:
 * it includes every column {@code v} takes): the figures per group and in total, the action
 * items' per group and in total (on PostgreSQL the items of the range read from their own day
 * index, V10), and the recurrences. One snapshot for all of them, so the total agrees with its
 * groups. The same SQL on H2 and PostgreSQL (both have {@code PERCENTILE_CONT ... WITHIN
 * GROUP}, {@code FILTER}, {@code LAG}) but where PostgreSQL has more: a group and the total in
 * one pass ({@code GROUPING SETS}) where labels do not repeat a post-mortem, and recurrences by
 * label day (unfiltered from the labels' counts, V11), which need hash joins.
 */
final class InsightStatement {

    private static final String[] DURATIONS = {"time_to_detect_s", "time_to_acknowledge_s", "time_to_mitigate_s",
        "time_to_resolve_s", "impact_duration_s", "time_to_publish_s"};
    private static final long DAY = 86_400;
    /** The figures of a group start at this column: before it, the key and whether the row is the total. */
    private static final int FIRST_FIGURE = 3;

    private final InsightQuery query;
    private final SqlDialect dialect;

    InsightStatement(InsightQuery query, SqlDialect dialect) {
        this.query = query;
        this.dialect = dialect;
    }

    /** The insights, read in {@code handle}'s transaction (one snapshot for every statement). */
    Insights run(Handle handle) {
        dialect.prepareAggregates(handle);
        Map<String, InsightGroup> groups = new LinkedHashMap<>();
        InsightGroup total = null;
        for (Keyed<InsightGroup> row : grouped(handle, figures(), "", InsightStatement::group)) {
            if (row.total()) {
                total = row.value();
            } else {
                groups.put(row.key(), row.value());
            }
        }
        ActionItemFigures allItems = ActionItemFigures.NONE;
        String items = " JOIN pm_action_item a ON a.post_mortem_id = v.id" + itemsOfTheRange();
        for (Keyed<ActionItemFigures> row : grouped(handle, itemFigures(), items, (rs, ctx) -> items(rs))) {
            if (row.total()) {
                allItems = row.value();
            } else {
                groups.computeIfPresent(row.key(), (key, group) -> group.withActionItems(row.value()));
            }
        }
        List<InsightGroup> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing(InsightGroup::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Insights(query.from(), query.to(), query.groupBy(), total.withActionItems(allItems), ordered,
                recurrence(handle));
    }

    /**
     * {@code aggregates} per group and in total over {@code v} and {@code joined}; the total is
     * the one row whose second column is 1. Grouped by label, a post-mortem is in a row per
     * label, so its total is a statement of its own.
     */
    private <T> List<Keyed<T>> grouped(Handle handle, String aggregates, String joined, RowMapper<T> figures) {
        RowMapper<Keyed<T>> keyed = (rs, ctx) -> new Keyed<>(rs.getString(1), rs.getInt(2) == 1, figures.map(rs, ctx));
        if (dialect.hasGroupingSets() && labelJoin().isEmpty()) {
            return bind(handle.createQuery(visible() + "\nSELECT " + key() + " AS k, GROUPING(" + key() + "), "
                    + aggregates + " FROM v" + joined + " GROUP BY GROUPING SETS ((" + key() + "), ())"))
                    .map(keyed).list();
        }
        List<Keyed<T>> rows = new ArrayList<>(bind(handle.createQuery(visible() + "\nSELECT " + key() + " AS k, 0, "
                + aggregates + " FROM v" + labelJoin() + joined + " GROUP BY " + key())).map(keyed).list());
        rows.add(bind(handle.createQuery(visible() + "\nSELECT NULL, 1, " + aggregates + " FROM v" + joined))
                .map(keyed).one());
        return rows;
    }

    /** The visible post-mortems of the range as the CTE {@code v}, to follow with more CTEs or a SELECT. */
    private String visible() {
        StringBuilder sql = new StringBuilder("""
                WITH v AS (
                SELECT p.id, p.status, p.incident_day, p.template_id, p.category, p.time_to_detect_s,
                       p.time_to_acknowledge_s, p.time_to_mitigate_s, p.time_to_resolve_s, p.impact_duration_s,
                       p.resolved_at, p.time_to_publish_s
                  FROM pm_post_mortem p
                 WHERE p.tenant_id = :tenantId
                   AND p.incident_day >= :rangeFrom AND p.incident_day <= :rangeTo""");
        if (!query.viewer().admin()) {
            sql.append("\n   AND ").append(dialect.visibleTo("viewer"));
        }
        ClassificationFilters.append(sql, query.filters(), dialect);
        return sql.append(")").toString();
    }

    private Query bind(Query statement) {
        statement.bind("tenantId", query.viewer().tenantId()).bind("today", query.today())
                .bind("rangeFrom", query.from()).bind("rangeTo", query.to());
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

    private String labelJoin() {
        return query.groupBy() == InsightGrouping.SERVICE || query.groupBy() == InsightGrouping.TAG
                ? " LEFT JOIN pm_label l ON l.post_mortem_id = v.id AND l.kind = '" + labelKind() + "'"
                        + " AND l.tenant_id = :tenantId AND l.incident_day >= :rangeFrom AND l.incident_day <= :rangeTo"
                : "";
    }

    private String labelKind() {
        return query.groupBy() == InsightGrouping.SERVICE ? "service" : "tag";
    }

    /**
     * The items' own day range, where a join can hash: PostgreSQL then reads the range from V10's
     * day index alone. H2 joins by nested loops and, given the range, drove from the items' day
     * index and looked up the wide post-mortem row of each item; driving from {@code v} took a
     * year's insights at 100,000 from 481 to 247 ms (RESULTS.md, "Search and insights at scale").
     */
    private String itemsOfTheRange() {
        return dialect.hasHashJoins()
                ? " AND a.tenant_id = :tenantId AND a.incident_day >= :rangeFrom AND a.incident_day <= :rangeTo"
                : "";
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
        String key = rs.getString(1);
        int column = FIRST_FIGURE;
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

    /** Of the joined items {@code a}, no column but those V10's day index includes (read from it alone). */
    private static String itemFigures() {
        return "COUNT(*), COUNT(*) FILTER (WHERE a.status = 'DONE'),"
                + " COUNT(*) FILTER (WHERE a.status <> 'DONE' AND a.due_date < :today),"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.time_to_done_s)";
    }

    private static ActionItemFigures items(ResultSet rs) throws SQLException {
        long created = rs.getLong(FIRST_FIGURE);
        long done = rs.getLong(FIRST_FIGURE + 1);
        return new ActionItemFigures(created, done, rs.getLong(FIRST_FIGURE + 2), share(done, created),
                duration(rs, FIRST_FIGURE + 3));
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
        String sql = !dialect.keepsLabelDays() ? recurringByPostMortem()
                : countsEveryLabel() ? recurringByLabelDayCount() : recurringByLabelDay();
        Map<Label, List<Recurrence.Occurrence>> byLabel = new LinkedHashMap<>();
        Map<Label, Long> counts = new HashMap<>();
        bind(handle.createQuery(sql)).map((rs, ctx) -> new LabelledOccurrence(new Label(rs.getString(1), rs.getString(2)),
                        new Recurrence.Occurrence(SqlValues.uuid(rs, 3), rs.getString(4),
                                PostMortemStatus.valueOf(rs.getString(5)), SqlValues.date(rs, 6)), rs.getLong(7)))
                .forEach(row -> {
                    // the label's last day may hold more than the list has room for
                    List<Recurrence.Occurrence> listed = byLabel.computeIfAbsent(row.label(), label -> new ArrayList<>());
                    if (listed.size() < Recurrence.LISTED) {
                        listed.add(row.occurrence());
                    }
                    counts.put(row.label(), row.count());
                });
        List<Recurrence> recurrences = new ArrayList<>();
        byLabel.forEach((label, occurrences) -> recurrences.add(new Recurrence(label.kind(), label.key(),
                counts.get(label), occurrences)));
        recurrences.sort(Comparator.comparingLong((Recurrence r) -> -r.count())
                .thenComparing(Recurrence::kind).thenComparing(Recurrence::key));
        return recurrences;
    }

    /** Whether the filters keep every post-mortem of the range, as the label days' counts do. */
    private boolean countsEveryLabel() {
        ListFilters filters = query.filters();
        return filters.tag() == null && filters.category() == null && filters.service() == null
                && filters.templateId() == null && (filters.from() == null || !filters.from().isAfter(query.from()))
                && (filters.to() == null || !filters.to().isBefore(query.to()));
    }

    /**
     * The recurrences' rows from the label days' counts (V11), where no filter narrows the
     * post-mortems: everyone's counts and the viewer's own (an admin's: every draft), one index
     * range each (a viewer is empty for everyone and admins only). A year of 1,000,000 post-mortems
     * reads about 29,000 counts instead of 300,000 label rows and their post-mortems. The rows of
     * the days listed are read back from the labels' index, as the viewer may see them.
     */
    private String recurringByLabelDayCount() {
        boolean admin = query.viewer().admin();
        return """
                WITH cells AS (
                  SELECT %s AS kind, %s AS label, d.incident_day AS label_day, SUM(d.post_mortems) AS n
                    FROM pm_label_day d
                   WHERE d.tenant_id = :tenantId AND d.incident_day >= :rangeFrom AND d.incident_day <= :rangeTo
                     AND d.audience IN ('%s', '%s') AND d.viewer IN ('', %s)
                   GROUP BY d.kind, d.label, d.incident_day
                  HAVING SUM(d.post_mortems) > 0),
                %s
                SELECT r.kind, r.label, p.id, p.title, p.status, r.label_day, r.recurring
                  FROM recurring r
                  JOIN pm_label l ON l.tenant_id = :tenantId AND l.incident_day = r.label_day
                                 AND l.kind = %s AND l.label = %s
                  JOIN pm_post_mortem p ON p.id = l.post_mortem_id
                 WHERE r.newer < %d%s
                 ORDER BY r.kind, r.label, r.label_day DESC, p.id DESC""".formatted(dialect.bytewise("d.kind"),
                dialect.bytewise("d.label"), LabelDays.EVERYONE, admin ? LabelDays.ADMINS : LabelDays.VIEWER,
                admin ? "''" : ":viewer", recurringCells(), dialect.columnCollation("r.kind"),
                dialect.columnCollation("r.label"), Recurrence.LISTED, admin ? "" : "\n   AND " + dialect.visibleTo("viewer"));
    }

    /**
     * The recurrences' rows, counted per label and day first ({@code cells}), from the labels of
     * the visible post-mortems: the windows run over label days, not post-mortems (a year of
     * 100,000 has 240,000 labels on 27,000 label days), and the newest days are taken until the
     * list is full, the rows of the last day joined back by hash.
     */
    private String recurringByLabelDay() {
        return visible() + """
                ,
                labelled AS (
                  SELECT %s AS kind, %s AS label, l.incident_day AS label_day, v.id, v.status
                    FROM pm_label l JOIN v ON v.id = l.post_mortem_id
                   WHERE l.tenant_id = :tenantId AND l.incident_day >= :rangeFrom AND l.incident_day <= :rangeTo),
                cells AS (
                  SELECT kind, label, label_day, COUNT(*) AS n FROM labelled GROUP BY kind, label, label_day),
                %s
                SELECT r.kind, r.label, x.id, t.title, x.status, r.label_day, r.recurring
                  FROM recurring r
                  JOIN labelled x ON x.kind = r.kind AND x.label = r.label AND x.label_day = r.label_day
                  JOIN pm_post_mortem t ON t.id = x.id
                 WHERE r.newer < %d
                 ORDER BY r.kind, r.label, r.label_day DESC, x.id DESC""".formatted(dialect.bytewise("l.kind"),
                dialect.bytewise("l.label"), recurringCells(), Recurrence.LISTED);
    }

    /**
     * Of the label days in {@code cells} (kind, label, label_day, n), those that recur, as the
     * CTE {@code recurring}: a day with two is a recurrence, a day alone is one when the label's
     * day before or after is within the window; with the label's recurring count and how many
     * recur on its newer days (a sum over the following rows, so all windows share one order).
     */
    private static String recurringCells() {
        return """
                recurring AS (
                  SELECT c.kind, c.label, c.label_day, SUM(c.n) OVER (PARTITION BY c.kind, c.label) AS recurring,
                         COALESCE(SUM(c.n) OVER (PARTITION BY c.kind, c.label ORDER BY c.label_day
                                                 ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS newer
                    FROM (SELECT d.kind, d.label, d.label_day, d.n,
                                 LAG(d.label_day) OVER (PARTITION BY d.kind, d.label ORDER BY d.label_day) AS previous_day,
                                 LEAD(d.label_day) OVER (PARTITION BY d.kind, d.label ORDER BY d.label_day) AS next_day
                            FROM cells d) c
                   WHERE c.n > 1 OR c.previous_day >= c.label_day - %d OR c.next_day <= c.label_day + %d)"""
                .formatted(Recurrence.WINDOW_DAYS, Recurrence.WINDOW_DAYS);
    }

    /**
     * The recurrences' rows as a window over each label's post-mortems by day (each compared with
     * its neighbours), numbered newest first: where joins are nested loops, joining the label
     * days back to their rows cost more than it saved (at 100,000 on H2, 910 against 200 ms).
     */
    private String recurringByPostMortem() {
        return visible() + """

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
    }

    /** One row of {@link #grouped}: a group's or, when {@code total}, every post-mortem's figures. */
    private record Keyed<T>(String key, boolean total, T value) {
    }

    private record LabelledOccurrence(Label label, Recurrence.Occurrence occurrence, long count) {
    }
}

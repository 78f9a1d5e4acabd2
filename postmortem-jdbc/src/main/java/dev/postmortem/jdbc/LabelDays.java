package dev.postmortem.jdbc;

import dev.postmortem.core.insight.Label;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code pm_label_day} (V11) equal to a count of the {@code pm_label} rows by day and
 * label, apart for drafts: a write that adds, moves or removes a post-mortem's label rows, or
 * takes it into or out of DRAFT, adds the difference between its rows before and after. Adding
 * (never overwriting) keeps every concurrent writer's count; the cells are added to in key order,
 * so two writers lock the cells they share in the same order.
 */
final class LabelDays {

    private static final Comparator<Cell> KEY_ORDER = Comparator.comparing(Cell::day).thenComparing(Cell::kind)
            .thenComparing(Cell::label);

    private LabelDays() {
    }

    /** The post-mortem's label rows as stored, with whether it is stored as a draft. */
    static List<Row> stored(Handle handle, UUID postMortemId) {
        return handle.createQuery("SELECT l.incident_day, l.kind, l.label, p.status FROM pm_label l"
                        + " JOIN pm_post_mortem p ON p.id = l.post_mortem_id WHERE l.post_mortem_id = :id")
                .bind("id", SqlValues.uuid(postMortemId))
                .map((rs, ctx) -> new Row(new Cell(SqlValues.date(rs, 1), rs.getString(2), rs.getString(3)),
                        PostMortemStatus.DRAFT.name().equals(rs.getString(4))))
                .list();
    }

    /** The label rows {@link InsightColumns#writeLabels} writes for the post-mortem. */
    static List<Row> of(PostMortem postMortem) {
        LocalDate day = InsightColumns.day(postMortem);
        boolean draft = postMortem.status() == PostMortemStatus.DRAFT;
        return Label.of(postMortem).stream().map(label -> new Row(new Cell(day, label.kind(), label.key()), draft))
                .toList();
    }

    /** Whether a write from {@code before} to {@code after} changes what the post-mortem counts in. */
    static boolean moved(PostMortem before, PostMortem after) {
        return InsightColumns.labelsChanged(before, after)
                || !InsightColumns.day(before).equals(InsightColumns.day(after))
                || (before.status() == PostMortemStatus.DRAFT) != (after.status() == PostMortemStatus.DRAFT);
    }

    /** Adds to the tenant's counts what the label rows {@code after} count and takes away those {@code before}. */
    static void change(Handle handle, SqlDialect dialect, String tenantId, List<Row> before, List<Row> after) {
        Map<Cell, Counts> changes = new TreeMap<>(KEY_ORDER);
        before.forEach(row -> changes.merge(row.cell(), Counts.one(row.draft(), -1), Counts::plus));
        after.forEach(row -> changes.merge(row.cell(), Counts.one(row.draft(), 1), Counts::plus));
        changes.forEach((cell, counts) -> {
            if (!counts.isZero()) {
                dialect.addToLabelDay(handle, tenantId, cell, counts);
            }
        });
    }

    /** One {@code pm_label_day} row's key within a tenant. */
    record Cell(LocalDate day, String kind, String label) {
    }

    /** One label row of a post-mortem, and whether that post-mortem is a draft. */
    record Row(Cell cell, boolean draft) {
    }

    /** How much to add to a cell's counts of shared post-mortems and of drafts. */
    record Counts(int shared, int drafts) {

        static Counts one(boolean draft, int sign) {
            return draft ? new Counts(0, sign) : new Counts(sign, 0);
        }

        Counts plus(Counts other) {
            return new Counts(shared + other.shared, drafts + other.drafts);
        }

        boolean isZero() {
            return shared == 0 && drafts == 0;
        }
    }
}

package dev.postmortem.jdbc;

import dev.postmortem.core.insight.Label;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code pm_label_day} (V11) equal to a count of the {@code pm_label} rows by day and label
 * for each audience that sees them, where the database keeps it ({@link
 * SqlDialect#keepsLabelDays}; elsewhere every call is a no-op): a write that adds, moves or
 * removes a post-mortem's label rows, or changes who sees it, adds the difference between its
 * cells before and after. Adding (never overwriting) keeps every concurrent writer's count; the
 * cells are added to in key order, so two writers lock the cells they share in the same order.
 */
final class LabelDays {

    /** Who sees the post-mortems a cell counts: the values of {@code pm_label_day.audience}. */
    static final String EVERYONE = "everyone";
    static final String ADMINS = "admins";
    static final String VIEWER = "viewer";

    /** Adds to a cell, creating it at zero first (PostgreSQL's upsert, which adds). */
    private static final String ADD_TO_CELL = "INSERT INTO pm_label_day"
            + " (tenant_id, audience, viewer, incident_day, kind, label, post_mortems)"
            + " VALUES (:tenantId, :audience, :viewer, :day, :kind, :label, :change)"
            + " ON CONFLICT (tenant_id, audience, viewer, incident_day, kind, label)"
            + " DO UPDATE SET post_mortems = pm_label_day.post_mortems + EXCLUDED.post_mortems";
    private static final Comparator<Cell> KEY_ORDER = Comparator.comparing(Cell::audience)
            .thenComparing(Cell::viewer).thenComparing(Cell::day).thenComparing(Cell::kind)
            .thenComparing(Cell::label);

    private LabelDays() {
    }

    /** The cells the post-mortem's label rows count in, as stored; none where no label days are kept. */
    static List<Cell> stored(Handle handle, SqlDialect dialect, UUID postMortemId) {
        List<Cell> cells = new ArrayList<>();
        if (!dialect.keepsLabelDays()) {
            return cells;
        }
        handle.createQuery("SELECT l.incident_day, l.kind, l.label, p.status, p.created_by, p.contributors"
                        + " FROM pm_label l JOIN pm_post_mortem p ON p.id = l.post_mortem_id"
                        + " WHERE l.post_mortem_id = :id")
                .bind("id", postMortemId)
                .map((rs, ctx) -> {
                    Set<String> viewers = PostMortemStatus.DRAFT.name().equals(rs.getString(4))
                            ? draftViewers(rs.getString(5), PostMortemRows.texts(rs.getArray(6))) : null;
                    return cellsOf(SqlValues.date(rs, 1), new Label(rs.getString(2), rs.getString(3)), viewers);
                })
                .forEach(cells::addAll);
        return cells;
    }

    /** The cells the label rows {@link InsightColumns#writeLabels} writes for the post-mortem count in. */
    static List<Cell> of(PostMortem postMortem) {
        LocalDate day = InsightColumns.day(postMortem);
        Set<String> viewers = postMortem.status() == PostMortemStatus.DRAFT
                ? draftViewers(postMortem.createdBy(), postMortem.content().contributors()) : null;
        List<Cell> cells = new ArrayList<>();
        Label.of(postMortem).forEach(label -> cells.addAll(cellsOf(day, label, viewers)));
        return cells;
    }

    /** Whether a write from {@code before} to {@code after} changes the cells the post-mortem counts in. */
    static boolean moved(PostMortem before, PostMortem after) {
        return InsightColumns.labelsChanged(before, after)
                || !InsightColumns.day(before).equals(InsightColumns.day(after))
                || (before.status() == PostMortemStatus.DRAFT) != (after.status() == PostMortemStatus.DRAFT)
                || !before.content().contributors().equals(after.content().contributors());
    }

    /** Adds one to the tenant's cells {@code after} and takes one from those {@code before}. */
    static void change(Handle handle, SqlDialect dialect, String tenantId, Collection<Cell> before,
                       Collection<Cell> after) {
        if (!dialect.keepsLabelDays()) {
            return;
        }
        Map<Cell, Integer> changes = new TreeMap<>(KEY_ORDER);
        before.forEach(cell -> changes.merge(cell, -1, Integer::sum));
        after.forEach(cell -> changes.merge(cell, 1, Integer::sum));
        changes.forEach((cell, change) -> {
            if (change != 0) {
                handle.createUpdate(ADD_TO_CELL).bind("tenantId", tenantId).bind("audience", cell.audience())
                        .bind("viewer", cell.viewer()).bind("day", cell.day()).bind("kind", cell.kind())
                        .bind("label", cell.label()).bind("change", change).execute();
            }
        });
    }

    /**
     * A label row's cells: everyone's when it is not a draft's ({@code draftViewers} null), else
     * the admins' and one for each of the draft's viewers.
     */
    private static List<Cell> cellsOf(LocalDate day, Label label, Set<String> draftViewers) {
        if (draftViewers == null) {
            return List.of(new Cell(EVERYONE, "", day, label.kind(), label.key()));
        }
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(ADMINS, "", day, label.kind(), label.key()));
        draftViewers.forEach(viewer -> cells.add(new Cell(VIEWER, viewer, day, label.kind(), label.key())));
        return cells;
    }

    /** Who may see a draft besides admins, as the insights' viewer is bound: its author and contributors. */
    private static Set<String> draftViewers(String createdBy, List<String> contributors) {
        Set<String> viewers = new LinkedHashSet<>();
        viewers.add(createdBy.toLowerCase(Locale.ROOT));
        viewers.addAll(contributors);
        return viewers;
    }

    /** One {@code pm_label_day} row's key within a tenant; {@code viewer} empty unless the audience is {@link #VIEWER}. */
    record Cell(String audience, String viewer, LocalDate day, String kind, String label) {
    }
}

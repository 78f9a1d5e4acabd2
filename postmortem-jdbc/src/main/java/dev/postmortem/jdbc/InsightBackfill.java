package dev.postmortem.jdbc;

import dev.postmortem.core.model.PostMortem;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the insight columns and labels (V9) of rows written before they existed, and on
 * PostgreSQL counts their labels (V11), at start-up, a batch per transaction, each row locked
 * while it is derived so that a concurrent write is not overwritten. Safe on several nodes at
 * once: each row ends up with the same values, and a label row is counted by the transaction
 * that writes it.
 */
final class InsightBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(InsightBackfill.class);
    private static final int BATCH = 200;
    /**
     * Table or column not found, as SQLSTATE (H2 42S02-42S04, 42S22; PostgreSQL 42P01, 42703): the
     * host has not migrated yet.
     */
    private static final Set<String> NOT_MIGRATED = Set.of("42S02", "42S03", "42S04", "42S22", "42P01", "42703");

    private InsightBackfill() {
    }

    static void run(Jdbi jdbi, SqlDialect dialect) {
        if (!migrated(jdbi)) {
            return;
        }
        long derived = 0;
        for (int batch = derive(jdbi, dialect); batch > 0; batch = derive(jdbi, dialect)) {
            derived += batch;
            if (derived == batch) {
                LOG.info("deriving the insight columns of post-mortems stored before schema version 9");
            }
        }
        if (derived > 0) {
            LOG.info("derived the insight columns of {} post-mortem(s)", derived);
        }
    }

    private static boolean migrated(Jdbi jdbi) {
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM pm_post_mortem WHERE insight_columns_version < 0")
                    .mapTo(Long.class).one());
            return true;
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && NOT_MIGRATED.contains(sql.getSQLState())) {
                return false; // the host runs the migrations itself, later; its next start derives them
            }
            throw e;
        }
    }

    private static int derive(Jdbi jdbi, SqlDialect dialect) {
        return jdbi.inTransaction(handle -> {
            List<Row> rows = handle.createQuery("SELECT id, tenant_id FROM pm_post_mortem"
                            + " WHERE insight_columns_version < :version LIMIT " + BATCH)
                    .bind("version", InsightColumns.VERSION)
                    .map((rs, ctx) -> new Row(SqlValues.uuid(rs, 1), rs.getString(2))).list();
            for (Row row : rows) {
                Optional<PostMortem> locked = PostMortemRows.lockAndLoad(handle, row.tenantId(), row.id());
                if (locked.isPresent()) {
                    List<LabelDays.Cell> cellsBefore = LabelDays.stored(handle, dialect, row.id());
                    InsightColumns.bind(handle.createUpdate("UPDATE pm_post_mortem SET "
                            + InsightColumns.assignments() + " WHERE id = :id"), locked.get()).bind("id", row.id())
                            .execute();
                    InsightColumns.writeLabels(handle, locked.get(), true);
                    InsightColumns.moveRowsToDay(handle, locked.get());
                    LabelDays.change(handle, dialect, row.tenantId(), cellsBefore,
                            LabelDays.stored(handle, dialect, row.id()));
                }
            }
            return rows.size();
        });
    }

    private record Row(UUID id, String tenantId) {
    }
}

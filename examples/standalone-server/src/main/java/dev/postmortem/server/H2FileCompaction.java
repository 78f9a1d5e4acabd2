package dev.postmortem.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded H2 file while the server runs, as H2's own background thread would.
 *
 * <p>The embedded database stores each commit before acknowledging it ({@code WRITE_DELAY=0},
 * see {@code EmbeddedH2}), and with that setting H2 starts no background thread, so nothing
 * rewrites the chunks that still hold a few live pages among many dead ones: under a steady
 * pace of writes the file grew by about 9 KB per write for as long as the server ran, and only
 * a clean shutdown compacted it (benchmarks/RESULTS.md, "H2 file size"). Every interval this
 * asks H2 to rewrite at most {@value #WRITE_LIMIT_BYTES} bytes of its emptiest chunks older than
 * the retention time ({@code MVStore.compact}, the step H2's background thread runs). The
 * rewritten pages are stored with the next commit, the old chunks are freed after the
 * retention time like any others, so what a crash can lose is unchanged.
 *
 * <p>A step is skipped while more than {@value #BUSY_COMMITS} commits arrived since the last
 * one: each step holds H2's store lock, which commits wait for, and costs time in proportion
 * to the chunks in the file, so during a burst of creates (tens of thousands of chunks within
 * the retention time) it took the creates' p99 from about 30 ms to 80-100 ms
 * (benchmarks/load.sh). The burst's chunks are compacted once it has passed. H2 offers this only
 * on its engine's classes, not over SQL, hence the casts; {@code H2FileCompactionTest} fails
 * when an H2 upgrade moves them.
 */
final class H2FileCompaction implements AutoCloseable {

    /** H2's own default (its {@code AUTO_COMPACT_FILL_RATE}): rewrite when chunks are less full. */
    static final int TARGET_FILL_PERCENT = 90;
    /** Small steps, as H2's own thread takes: each holds H2's store lock, which commits wait for. */
    static final int WRITE_LIMIT_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** More commits than this since the last step mean a burst: the step waits for its end. */
    static final long BUSY_COMMITS = 100;

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler;
    private long versionAtLastStep = -1; // H2 counts one version per stored commit; -1: no step yet

    private H2FileCompaction(DataSource dataSource, ScheduledExecutorService scheduler) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
    }

    /** Compacts every {@code interval} until closed; the DataSource must be an embedded H2 file database. */
    static H2FileCompaction start(DataSource dataSource, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postmortem-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        H2FileCompaction compaction = new H2FileCompaction(dataSource, scheduler);
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(compaction::compactLogged, millis, millis, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** One step, unless the database is busy; true when H2 rewrote something. */
    synchronized boolean compactNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            long version = store.getCurrentVersion();
            boolean busy = versionAtLastStep >= 0 && version - versionAtLastStep > BUSY_COMMITS;
            versionAtLastStep = version;
            return !busy && store.compact(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES);
        }
    }

    private void compactLogged() {
        try {
            compactNow();
        } catch (SQLException | RuntimeException e) {
            // Kept scheduled: a failed step leaves the file as it was, and the next may succeed.
            LOG.warn("Compacting the embedded H2 file failed; it grows until the next clean shutdown"
                    + " compacts it", e);
        }
    }

    private static MVStore store(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            throw new IllegalStateException("not an embedded H2 database: " + connection.getMetaData().getURL());
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        if (store.getFileStore() == null) {
            throw new IllegalStateException("an in-memory H2 database has no file to compact");
        }
        return store;
    }

    /** Stops compacting; a step under way finishes first, so close this before the DataSource. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("H2 file compaction still running after 10 s; closing the database under it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.postmortem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an open embedded H2 file database whose commits are stored at once
 * ({@code WRITE_DELAY=0}, as {@link EmbeddedH2#url} sets), as H2's own background thread would.
 * Needs H2 on the classpath (an optional dependency of this module); the standalone server and
 * the Spring Boot starter start it for such a database.
 *
 * <pre>{@code
 * EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(dataSource, Duration.ofSeconds(1));
 * ...
 * compaction.close(); // before the DataSource
 * }</pre>
 *
 * <p>With {@code WRITE_DELAY=0} H2 starts no background thread, so nothing rewrites the chunks
 * that still hold a few live pages among many dead ones: under a steady pace of writes the file
 * grew by about 9 KB per write for as long as the database was open, and only a clean close
 * compacted it ({@code benchmarks/h2-burst-idle.sh}, {@code H2Growth}). Every interval this asks H2 to rewrite at
 * most {@value #WRITE_LIMIT_BYTES} bytes of its emptiest chunks older than the retention time
 * ({@code MVStore.compact}, the step H2's background thread runs), and commits what it rewrote,
 * as that thread does; the old chunks are freed after the retention time like any others, so
 * what a crash can lose is unchanged.
 *
 * <p>A step is skipped while more than {@value #BUSY_COMMITS} commits arrived since the last
 * one: each step holds H2's store lock, which commits wait for, and costs time in proportion to
 * the chunks in the file, so during a burst of creates (tens of thousands of chunks within the
 * retention time) it took the creates' p99 from about 30 ms to 80-100 ms (benchmarks/load.sh).
 * The burst's chunks are compacted once it has passed. H2 offers this only on its engine's
 * classes, not over SQL, hence the casts; {@code EmbeddedH2CompactionTest} fails when an H2
 * upgrade moves them.
 */
public final class EmbeddedH2Compaction implements AutoCloseable {

    /**
     * Rewrite only when less than this share of the chunks' space is live, so that the open file
     * stays within about 1.4 times its live data. Not H2's 90: a million post-mortems migrated from
     * schema V1 sit at 81-82 percent, and each step there rewrote a megabyte in 45-110 ms under
     * H2's store lock, every second, without raising that share (8-25 percent of a core on an idle
     * server, list p99 at 1,000,000 post-mortems 3.7-4.7 times the p99 at 10,000;
     * {@code benchmarks/scale.sh h2}). H2's own background thread, under writes, waits for 62.
     */
    static final int TARGET_FILL_PERCENT = 70;
    /** Small steps, as H2's own thread takes: each holds H2's store lock, which commits wait for. */
    static final int WRITE_LIMIT_BYTES = 1 << 20;
    /** More commits than this since the last step mean a burst: the step waits for its end. */
    static final long BUSY_COMMITS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2Compaction.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler;
    private long versionAtLastStep = -1; // H2 counts one version per stored commit; -1: no step yet

    private EmbeddedH2Compaction(DataSource dataSource, ScheduledExecutorService scheduler) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
    }

    /**
     * Whether the DataSource is an H2 file database open in this JVM with H2's background
     * thread off ({@code WRITE_DELAY=0}): the databases that need this. False for in-memory,
     * client-server, read-only and other databases, and for an H2 file with its default write
     * delay, whose own thread compacts it.
     *
     * @throws SQLException when no connection can be had
     */
    public static boolean isNeededFor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
                return false;
            }
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getFileStore() != null && !store.isReadOnly() && store.getAutoCommitDelay() == 0;
        }
    }

    /**
     * Compacts every {@code interval} on a daemon thread until closed; the DataSource must be an
     * embedded H2 file database. A failed step is logged and the next one tried.
     */
    public static EmbeddedH2Compaction start(DataSource dataSource, Duration interval) {
        Objects.requireNonNull(dataSource, "dataSource");
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("interval must be at least 1 ms, not " + interval);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postmortem-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        EmbeddedH2Compaction compaction = new EmbeddedH2Compaction(dataSource, scheduler);
        scheduler.scheduleWithFixedDelay(compaction::compactLogged, millis, millis, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** One step, unless the database is busy; true when H2 rewrote chunks or shrank the file. */
    synchronized boolean compactNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            long version = store.getCurrentVersion();
            boolean busy = versionAtLastStep >= 0 && version - versionAtLastStep > BUSY_COMMITS;
            boolean rewrote = !busy && store.compact(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES);
            if (rewrote) {
                // Store the rewritten pages now, as H2's own writer does on its next tick. Left to
                // the next write, they waited as long as writes did: a server that went quiet
                // after a burst kept the burst's 690 MB file until its next write or its close.
                store.commit();
            }
            long fileBytes = store.getFileStore().size();
            if (!busy && store.getFileStore() instanceof RandomAccessStore file) {
                // Rewriting frees chunks wherever they lie, and the file shrinks only from its end:
                // move the last chunks into the holes, as H2's own thread does when the file is
                // less full than its target (a burst's 14.8 MB file otherwise stayed at 5.9 MB).
                file.compactMoveChunks(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES, store);
            }
            boolean shrank = store.getFileStore().size() < fileBytes;
            versionAtLastStep = store.getCurrentVersion(); // this step's own commit is no write
            return rewrote || shrank;
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

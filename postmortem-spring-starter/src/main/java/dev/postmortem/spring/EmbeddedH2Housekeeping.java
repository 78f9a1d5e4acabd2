package dev.postmortem.spring;

import dev.postmortem.jdbc.EmbeddedH2Compaction;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link EmbeddedH2Compaction} on the application's DataSource while the context runs, when
 * that is an embedded H2 file whose commits H2 stores at once ({@code WRITE_DELAY=0}, as
 * {@code EmbeddedH2.url} and the example host set it): with that setting H2 starts no thread of
 * its own to compact the file, which then grows with every write until the application stops.
 * As a lifecycle bean it stops before the context destroys the DataSource.
 */
final class EmbeddedH2Housekeeping implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2Housekeeping.class);

    private final DataSource dataSource;
    private final Duration interval;
    private EmbeddedH2Compaction compaction; // null while stopped, or when the database needs none
    private boolean running;

    EmbeddedH2Housekeeping(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        try {
            if (EmbeddedH2Compaction.isNeededFor(dataSource)) {
                compaction = EmbeddedH2Compaction.start(dataSource, interval);
                LOG.debug("Compacting the embedded H2 file every {}", interval);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("postmortem cannot connect to the DataSource: " + e.getMessage(), e);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (compaction != null) {
            compaction.close();
            compaction = null;
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Whether a compaction thread runs: only for a database that needs one. */
    synchronized boolean isCompacting() {
        return compaction != null;
    }
}

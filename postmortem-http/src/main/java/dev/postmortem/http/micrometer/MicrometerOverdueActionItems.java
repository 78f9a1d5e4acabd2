package dev.postmortem.http.micrometer;

import dev.postmortem.core.postmortem.PostMortemService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@value #NAME}: action items in every tenant that are not DONE and were due before
 * today (UTC). Counted by the database at most once per {@code refresh} (one minute by
 * default), however often the registry is scraped: the count reads every open item.
 * NaN while the database cannot answer.
 */
public final class MicrometerOverdueActionItems implements MeterBinder {

    /** The gauge's name. */
    public static final String NAME = "postmortem.actionitems.overdue";

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerOverdueActionItems.class);

    private final PostMortemService service;
    private final long refreshNanos;
    private long countedAt;
    private double count = Double.NaN;
    private boolean counted;

    /** Counted at most once a minute. */
    public MicrometerOverdueActionItems(PostMortemService service) {
        this(service, Duration.ofMinutes(1));
    }

    public MicrometerOverdueActionItems(PostMortemService service, Duration refresh) {
        this.service = Objects.requireNonNull(service, "service");
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // strongly held: Micrometer keeps a gauge's object weakly, and nothing else holds this one
        Gauge.builder(NAME, this, MicrometerOverdueActionItems::count).strongReference(true)
                .description("Action items not done and due before today").register(registry);
    }

    private synchronized double count() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= refreshNanos) {
            counted = true;
            countedAt = now;
            try {
                count = service.overdueActionItems();
            } catch (RuntimeException e) {
                LOG.warn("Cannot count the overdue action items for the {} gauge", NAME, e);
                count = Double.NaN;
            }
        }
        return count;
    }
}

package dev.postmortem.spring;

import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.http.micrometer.MicrometerEventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;

/**
 * The domain events, as Spring delivers them, counted by {@link MicrometerEventMetrics} in the
 * host's registry; counts nothing without one.
 */
public class PostMortemEventMetrics {

    private final MicrometerEventMetrics counters;

    /** @param registry the host's registry, or {@code null} for none */
    public PostMortemEventMetrics(MeterRegistry registry) {
        this.counters = registry == null ? null : new MicrometerEventMetrics(registry);
    }

    @EventListener
    public void on(DomainEvent event) {
        if (counters != null) {
            counters.publish(event);
        }
    }
}

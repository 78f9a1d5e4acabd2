package dev.postmortem.http.micrometer;

import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.workflow.PostMortemStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Counts the post-mortems created ({@value #CREATED}) and published ({@value #PUBLISHED}) from
 * the domain events, in a Micrometer registry; a {@link DomainEventPublisher} for a plain-Java
 * host, which the Spring starter calls from its event listener.
 */
public final class MicrometerEventMetrics implements DomainEventPublisher {

    // Not "...created": Prometheus reserves the suffix _created and its client drops it.
    /** Counter of post-mortems created. */
    public static final String CREATED = "postmortem.postmortems.creations";
    /** Counter of post-mortems that became PUBLISHED. */
    public static final String PUBLISHED = "postmortem.postmortems.publications";

    private final Counter created;
    private final Counter published;

    public MicrometerEventMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        this.created = Counter.builder(CREATED).description("Post-mortems created").register(registry);
        this.published = Counter.builder(PUBLISHED).description("Post-mortems published").register(registry);
    }

    @Override
    public void publish(DomainEvent event) {
        if (event instanceof DomainEvent.PostMortemCreated creation) {
            created.increment();
            if (creation.postMortem().status() == PostMortemStatus.PUBLISHED) {
                published.increment(); // created published, where review is not required
            }
        } else if (event instanceof DomainEvent.StatusChanged changed && changed.to() == PostMortemStatus.PUBLISHED) {
            published.increment();
        }
    }
}

package dev.postmortem.spring;

import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.workflow.PostMortemStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;

/**
 * Counts the post-mortems created ({@value #CREATED}) and published ({@value #PUBLISHED}) from
 * the domain events, in the host's Micrometer registry; counts nothing without one.
 */
public class PostMortemEventMetrics {

    /** Counter of post-mortems created. */
    public static final String CREATED = "postmortem.postmortems.created";
    /** Counter of post-mortems moved to PUBLISHED. */
    public static final String PUBLISHED = "postmortem.postmortems.published";

    private final Counter created;
    private final Counter published;

    /** @param registry the host's registry, or {@code null} for none */
    public PostMortemEventMetrics(MeterRegistry registry) {
        this.created = registry == null ? null
                : Counter.builder(CREATED).description("Post-mortems created").register(registry);
        this.published = registry == null ? null
                : Counter.builder(PUBLISHED).description("Post-mortems published").register(registry);
    }

    @EventListener
    public void on(DomainEvent event) {
        if (created == null) {
            return;
        }
        if (event instanceof DomainEvent.PostMortemCreated creation) {
            created.increment();
            if (creation.postMortem().status() == PostMortemStatus.PUBLISHED) {
                published.increment(); // created published, where the host does not require review
            }
        } else if (event instanceof DomainEvent.StatusChanged changed && changed.to() == PostMortemStatus.PUBLISHED) {
            published.increment();
        }
    }
}

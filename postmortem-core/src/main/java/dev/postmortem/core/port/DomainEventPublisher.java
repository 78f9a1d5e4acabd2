package dev.postmortem.core.port;

import dev.postmortem.core.event.DomainEvent;

/**
 * Where domain events go once a change is stored. Hosts implement it to notify chat, sync
 * issue trackers and so on. Called on the thread of the use case, after the write has been
 * committed: an implementation should hand slow or failing work to its own queue, because an
 * exception thrown here reaches the caller although the change itself was stored.
 */
@FunctionalInterface
public interface DomainEventPublisher {

    /** Hands over one event; called once per event, in the order they happened. */
    void publish(DomainEvent event);

    /** For hosts that do not listen. */
    static DomainEventPublisher none() {
        return event -> { };
    }
}

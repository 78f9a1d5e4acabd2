package dev.postmortem.core.port;

import java.util.UUID;

/** Makes the ids of post-mortems, timeline events and action items. */
@FunctionalInterface
public interface IdGenerator {

    /** A new id, never handed out before. */
    UUID newId();

    /**
     * The default: time-ordered UUIDs (version 7), so that new rows land at the end of
     * B-tree indexes instead of at random pages.
     */
    static IdGenerator timeOrdered() {
        return new TimeOrderedIdGenerator(java.time.Clock.systemUTC());
    }
}

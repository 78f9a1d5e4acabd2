package dev.postmortem.core.port;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Written here
 * because the JDK has no v7 factory and core takes no dependency for twenty lines.
 */
final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID newId() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}

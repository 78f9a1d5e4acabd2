package dev.postmortem.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.postmortem.http.LoginThrottledException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Failed sign-ins, counted per user and per client address in token buckets: a user may fail
 * {@value #USER_FAILURES} times in a row, then once every {@code 60 / USER_FAILURES} seconds;
 * an address {@value #ADDRESS_FAILURES} times, then as often per minute. While either bucket
 * is empty, credentials are not even checked (so a guess that happens to be right is refused
 * too) and the answer is 429 with Retry-After. 1,000 guesses at one account take hours instead
 * of a third of a second. Buckets are kept for the {@value #MAX_KEYS} keys seen most recently
 * and forgotten after ten idle minutes.
 */
final class LoginThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final int MAX_KEYS = 100_000;
    private static final Duration REFILL = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    LoginThrottle() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    /** On the given time, for tests that move it. */
    LoginThrottle(TimeMeter time) {
        this.time = time;
        Ticker ticker = time::currentTimeNanos;
        users = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(FORGET_AFTER).ticker(ticker).build();
        addresses = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(FORGET_AFTER).ticker(ticker)
                .build();
    }

    /** @throws LoginThrottledException while the user or the address has used up its failures */
    void requireAllowed(String user, String address) {
        long waitNanos = Math.max(wait(users, user), wait(addresses, address));
        if (waitNanos > 0) {
            throw new LoginThrottledException(Duration.ofNanos(waitNanos));
        }
    }

    void failed(String user, String address) {
        bucket(users, user, USER_FAILURES).tryConsume(1);
        if (address != null) {
            bucket(addresses, address, ADDRESS_FAILURES).tryConsume(1);
        }
    }

    private static long wait(Cache<String, Bucket> buckets, String key) {
        if (key == null) {
            return 0;
        }
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int failures) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, REFILL))
                .withCustomTimePrecision(time)
                .build());
    }
}

package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.LoginThrottledException;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicAuthUsersTest {

    private final MovableTime time = new MovableTime();
    private final BasicAuthUsers users = new BasicAuthUsers(List.of(
            new UserAccount("ann@example.com", "s3cret:with:colons", true),
            new UserAccount("bo@example.com", "pw", false)), new LoginThrottle(time));

    @Test
    void acceptsTheRightPasswordAndNamesTheActor() {
        assertThat(resolve("Basic " + encode("Ann@Example.com:s3cret:with:colons")))
                .contains(new Actor("ann@example.com", "ann@example.com", true, "default"));
        assertThat(resolve("basic " + encode("bo@example.com:pw"))).get().extracting(Actor::admin).isEqualTo(false);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(resolve(null)).isEmpty();
        assertThat(resolve("Bearer abc")).isEmpty();
        assertThat(resolve("Basic !!!not-base64")).isEmpty();
        assertThat(resolve("Basic " + encode("no-colon"))).isEmpty();
        assertThat(resolve("Basic " + encode("bo@example.com:PW"))).isEmpty();
        assertThat(resolve("Basic " + encode("bo@example.com:"))).isEmpty();
        assertThat(resolve("Basic " + encode("nobody@example.com:pw"))).isEmpty();
    }

    @Test
    void guessingOnePasswordIsThrottledEvenWhenTheGuessIsRight() {
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            assertThat(resolve("Basic " + encode("bo@example.com:guess" + i), "10.0.0." + i)).isEmpty();
        }
        assertThatThrownBy(() -> resolve("Basic " + encode("bo@example.com:pw"), "10.0.0.99"))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfter())
                        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(12)));
        assertThat(resolve("Basic " + encode("ann@example.com:s3cret:with:colons"), "10.0.0.99"))
                .as("another user is not held up").isPresent();

        time.advance(Duration.ofSeconds(12));
        assertThat(resolve("Basic " + encode("bo@example.com:pw"), "10.0.0.99")).as("one more try after 12 s")
                .isPresent();
    }

    @Test
    void oneAddressTryingManyUsersIsThrottled() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            assertThat(resolve("Basic " + encode("user" + i + "@example.com:guess"), "203.0.113.7")).isEmpty();
        }
        assertThatThrownBy(() -> resolve("Basic " + encode("bo@example.com:pw"), "203.0.113.7"))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(resolve("Basic " + encode("bo@example.com:pw"), "198.51.100.1")).as("from elsewhere")
                .isPresent();
    }

    private Optional<Actor> resolve(String authorization) {
        return resolve(authorization, "127.0.0.1");
    }

    private Optional<Actor> resolve(String authorization, String address) {
        return users.resolve(new ApiRequest("GET", "/api/postmortems", Map.of(),
                name -> name.equalsIgnoreCase("Authorization") ? authorization : null, null, address));
    }

    /** Time that moves only when told, for the throttle's buckets. */
    static final class MovableTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}

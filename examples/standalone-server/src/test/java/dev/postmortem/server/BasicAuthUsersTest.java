package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicAuthUsersTest {

    private final BasicAuthUsers users = new BasicAuthUsers(List.of(
            new UserAccount("ann@example.com", "s3cret:with:colons", true),
            new UserAccount("bo@example.com", "pw", false)));

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

    private Optional<Actor> resolve(String authorization) {
        return users.resolve(new ApiRequest("GET", "/api/postmortems", Map.of(),
                name -> name.equalsIgnoreCase("Authorization") ? authorization : null, null));
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.postmortem.server;

import dev.postmortem.core.access.Actor;
import dev.postmortem.http.ActorResolver;
import dev.postmortem.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic against the configured users, all in one tenant. Each password is kept as its
 * SHA-256 digest and compared with {@link MessageDigest#isEqual} (constant time for equal
 * lengths, and digests are always 32 bytes). A slow password hash would buy nothing here,
 * since the passwords come from the environment and are never stored, and would cost a
 * hash computation per request under load; one SHA-256 of a short string costs about a
 * microsecond. Unknown users are checked against a dummy digest so that they take as long.
 * Failed sign-ins are throttled per user and per client address ({@link LoginThrottle}).
 */
final class BasicAuthUsers implements ActorResolver {

    static final String TENANT = "default";

    private final Map<String, Account> accounts = new HashMap<>();
    private final byte[] dummy = sha256("no such user");
    private final LoginThrottle throttle;

    private record Account(byte[] digest, boolean admin) {
    }

    BasicAuthUsers(List<UserAccount> users) {
        this(users, new LoginThrottle());
    }

    BasicAuthUsers(List<UserAccount> users, LoginThrottle throttle) {
        this.throttle = throttle;
        users.forEach(user -> accounts.put(user.email(), new Account(sha256(user.password()), user.admin())));
    }

    @Override
    public Optional<Actor> resolve(ApiRequest request) {
        String header = request.header("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String email = credentials.substring(0, colon).toLowerCase(Locale.ROOT);
        throttle.requireAllowed(email, request.remoteAddress());
        Account account = accounts.get(email);
        boolean matches = MessageDigest.isEqual(sha256(credentials.substring(colon + 1)),
                account == null ? dummy : account.digest());
        if (account == null || !matches) {
            throttle.failed(email, request.remoteAddress());
            return Optional.empty();
        }
        return Optional.of(new Actor(email, email, account.admin(), TENANT));
    }

    @Override
    public String challenge() {
        return "Basic realm=\"postmortem\", charset=\"UTF-8\"";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.postmortem.http.contract;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.followup.TenantTimeZones;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.http.ContractClient;
import dev.postmortem.testing.http.ContractIncidents;
import dev.postmortem.testing.http.ContractUsers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link PostMortemHttpApi} on the in-memory repository, signed in with HTTP Basic as the
 * {@link ContractUsers}, called without a server: what the contract suites run in seconds.
 */
final class InProcessApi implements ContractClient.Transport {

    private final PostMortemHttpApi api = PostMortemHttpApi.builder(
            PostMortemService.builder(new InMemoryPostMortemRepository()).incidents(ContractIncidents.catalog())
                    .approvals(dev.postmortem.testing.http.ContractReview.POLICY)
                    .timeZones(TenantTimeZones.of(ZoneId.of(ContractUsers.TIME_ZONE))).build(),
            InProcessApi::signedIn).build();

    @Override
    public ContractClient.Reply send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        URI uri = URI.create(path);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (bytes != null) {
            byName.put("Content-Length", Integer.toString(bytes.length)); // as every HTTP client sends it
        }
        ApiResponse response = api.handle(new ApiRequest(method, uri.getRawPath(), query(uri.getRawQuery()),
                byName::get, () -> bytes == null ? InputStream.nullInputStream() : new ByteArrayInputStream(bytes),
                "192.0.2.1"));
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> answerHeaders.put(name, List.of(value)));
        return new ContractClient.Reply(response.status(), HttpHeaders.of(answerHeaders, (name, value) -> true),
                response.bodyText());
    }

    static Optional<Actor> signedIn(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        for (ContractUsers user : ContractUsers.values()) {
            if (credentials.equals(user.email() + ":" + user.password())) {
                return Optional.of(new Actor(user.email(), user.email(), user == ContractUsers.ADMIN, "default"));
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

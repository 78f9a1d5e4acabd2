package dev.postmortem.http.contract;

import dev.postmortem.testing.http.fuzz.ApiFuzzContract;
import dev.postmortem.testing.http.fuzz.FuzzAnswer;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.testing.http.ContractUsers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The fuzzed contract straight against {@link PostMortemHttpApi#handle}: many cases a second, no network. */
class InProcessApiFuzzTest extends ApiFuzzContract {

    private final PostMortemHttpApi api = PostMortemHttpApi.builder(
            PostMortemService.builder(new InMemoryPostMortemRepository()).build(),
            request -> Optional.ofNullable(request.header("X-Test-User")).flatMap(InProcessApiFuzzTest::actor))
            .build();

    @Override
    protected int defaultCases() {
        return 5000;
    }

    @Override
    protected FuzzAnswer send(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                              byte[] body, ContractUsers caller) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        if (caller != null) {
            byName.put("X-Test-User", caller.email());
        }
        ApiResponse response = api.handle(new ApiRequest(method, path, query, byName::get,
                () -> body == null ? InputStream.nullInputStream() : new ByteArrayInputStream(body), "192.0.2.1"));
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> answerHeaders.put(name.toLowerCase(Locale.ROOT), value));
        return new FuzzAnswer(response.status(), answerHeaders, response.bodyText());
    }

    private static Optional<Actor> actor(String email) {
        for (ContractUsers user : ContractUsers.values()) {
            if (user.email().equals(email)) {
                return Optional.of(new Actor(email, email, user == ContractUsers.ADMIN, "default"));
            }
        }
        return Optional.empty();
    }
}

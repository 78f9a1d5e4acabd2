package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client tries past a gateway that filters by method and path: the method comes
 * from the request line only; whatever the server refuses before the API sees it is still a
 * problem document; every answer carries the headers that keep incident data out of caches,
 * frames and other content types.
 */
abstract class HostileRequestContract extends ContractTopic {

    private static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override", "x-http-method-override");

    HostileRequestContract(ContractClient api) {
        super(api);
    }

    @Test
    void noHeaderTurnsAReadIntoADeleteOrAnEdit() {
        Reply created = createSpec(CAROL);
        String path = path(created.id());
        JsonNode before = api.as(CAROL).get(path).json();
        for (String header : OVERRIDE_HEADERS) {
            for (String method : List.of("DELETE", "PATCH", "PUT", "POST")) {
                Reply get = api.as(CAROL).get(path, header, method);
                assertThat(get.status()).as(header + ": " + method + " on GET").isEqualTo(200);
                assertThat(get.json()).isEqualTo(before);
                Reply head = api.as(CAROL).send("HEAD", path, null, null, header, method);
                assertThat(head.status()).as(header + ": " + method + " on HEAD").isEqualTo(200);
            }
            Reply patchAsPost = api.as(CAROL).send("POST", path, "{\"title\":\"overridden\"}", "application/json",
                    header, "PATCH");
            assertProblem(patchAsPost, 405);
            Reply deleteAsPost = api.as(CAROL).send("POST", BASE, specBody(), "application/json", header, "DELETE");
            assertThat(deleteAsPost.status()).as("a POST stays a create").isEqualTo(201);
        }
        assertThat(api.as(CAROL).get(path).json()).as("still there, unchanged").isEqualTo(before);
    }

    @Test
    void optionsListsTheMethodsAndTraceIsAProblem() {
        Reply options = api.as(CAROL).send("OPTIONS", BASE, null, null);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).isEqualTo("GET, POST");
        assertProblem(api.as(CAROL).send("TRACE", BASE, null, null), 405);
        assertProblem(api.anonymous().send("OPTIONS", BASE, null, null), 401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/%00", "/%ZZ", "/%", "/a%2Fb%00", "/%C0%AE%C0%AE/x"})
    void malformedPathsAreProblems(String suffix) {
        RawHttp.Answer answer = RawHttp.send(api.base(), "GET " + BASE + suffix + " HTTP/1.1\r\nAuthorization: "
                + ContractClient.authorization(CAROL));
        assertRawProblem(answer, 400, 404);
    }

    @Test
    void aRequestLineOrHeadersTooLargeIsAProblem() {
        RawHttp.Answer longUri = RawHttp.send(api.base(), "GET " + BASE + "?q=" + "a".repeat(70_000)
                + " HTTP/1.1");
        assertRawProblem(longUri, 400, 414, 431);
        RawHttp.Answer bigHeader = RawHttp.send(api.base(), "GET " + BASE + " HTTP/1.1\r\nX-Padding: "
                + "a".repeat(70_000));
        assertRawProblem(bigHeader, 400, 431);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String id = createSpec(CAROL).id();
        List<Reply> answers = List.of(api.as(CAROL).get(path(id)), api.as(CAROL).get(BASE),
                api.as(CAROL).get(path(id) + "/export"), api.as(CAROL).get(path(id) + "/export?format=html"),
                api.as(CAROL).get(path(id) + "/timeline"), api.as(CAROL).get("/api/postmortem-templates"),
                api.as(CAROL).get(BASE + "/no-such-id"), api.anonymous().get(BASE),
                api.as(CAROL).post(BASE, "{"));
        for (Reply answer : answers) {
            assertThat(single(answer, "X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(single(answer, "X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(single(answer, "Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
            assertThat(single(answer, "Cache-Control")).as("incident data stays out of caches: " + answer)
                    .isEqualTo("no-store");
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
                    .contains("frame-ancestors 'none'");
        }
        Reply page = api.as(CAROL).get("/postmortems");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(single(page, "X-Frame-Options")).isEqualTo("DENY");
    }

    /** One value, not the API's and the host's side by side. */
    private static String single(Reply reply, String header) {
        List<String> values = reply.headers().allValues(header);
        assertThat(values).as(header + " of " + reply.status()).hasSize(1);
        return values.get(0);
    }

    private static void assertRawProblem(RawHttp.Answer answer, Integer... statuses) {
        assertThat(answer.status()).as(answer.toString()).isIn((Object[]) statuses);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        try {
            JsonNode problem = ContractClient.JSON.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
            assertThat(problem.get("type").asText()).startsWith("urn:postmortem:problem:");
        } catch (IOException e) {
            throw new AssertionError("not a problem document: " + answer, e);
        }
    }
}

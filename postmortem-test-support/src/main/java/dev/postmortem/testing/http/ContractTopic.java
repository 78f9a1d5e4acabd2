package dev.postmortem.testing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What every part of the HTTP contract suite shares: the client and a few builders and checks. */
abstract class ContractTopic {

    static final String BASE = "/api/postmortems";

    protected final ContractClient api;

    ContractTopic(ContractClient api) {
        this.api = api;
    }

    /** The spec's example body, exactly as the spec gives it. */
    static String specBody() {
        try (InputStream in = ContractTopic.class.getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode specJson() {
        try {
            return (ObjectNode) ContractClient.JSON.readTree(specBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        return node.toString();
    }

    /** Creates the spec's example as {@code user}, optionally changed first. */
    Reply createSpec(ContractUsers user, Consumer<ObjectNode> change) {
        ObjectNode body = specJson();
        change.accept(body);
        Reply created = api.as(user).post(BASE, json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    Reply createSpec(ContractUsers user) {
        return createSpec(user, body -> { });
    }

    /** {@code reviewer} approves the post-mortem (no body; {@code headers} such as If-Match). */
    Reply approve(ContractUsers reviewer, String id, String... headers) {
        return api.as(reviewer).send("POST", path(id) + "/approvals", null, null, headers);
    }

    /** {@code reviewer}'s approval, which the host's one required approval needs before publishing. */
    void approved(ContractUsers reviewer, String id) {
        Reply approval = approve(reviewer, id);
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).startsWith("urn:postmortem:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.toString()).doesNotContain("Exception", "\tat ");
    }

    /**
     * Compares a Content-Type ignoring spaces and case: servers rewrite it (Jetty and Tomcat
     * drop the space before {@code charset}, Tomcat upper-cases the charset).
     */
    static void assertContentType(Reply reply, String expected) {
        assertThat(reply.header("Content-Type").replace(" ", "")).isEqualToIgnoringCase(expected.replace(" ", ""));
    }

    static String path(String id) {
        return BASE + "/" + id;
    }
}

package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Many writers on one post-mortem at once: with {@code If-Match} each retries on 412 and
 * nothing is lost; without it each write waits its turn and succeeds, never a 409.
 */
abstract class ConcurrencyContract extends ContractTopic {

    private static final int EDITORS = 8;
    private static final int EDITS_EACH = 10;

    ConcurrencyContract(ContractClient api) {
        super(api);
    }

    @Test
    void concurrentEditorsWithIfMatchLoseNothing() throws Exception {
        String id = createSpec(CAROL).id();
        AtomicInteger preconditionFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        List<Future<?>> editors = new ArrayList<>();
        for (int e = 0; e < EDITORS; e++) {
            int editor = e;
            editors.add(pool.submit(() -> {
                for (int i = 0; i < EDITS_EACH; i++) {
                    String description = "editor " + editor + " note " + i;
                    while (true) {
                        Reply read = api.as(CAROL).get(path(id));
                        Reply write = api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"16:00\","
                                + "\"description\":\"" + description + "\"}", "If-Match", read.header("ETag"));
                        if (write.status() == 201) {
                            break;
                        }
                        assertThat(write.status()).as(write.toString()).isEqualTo(412);
                        preconditionFailures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> editor : editors) {
            editor.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        JsonNode doc = api.as(CAROL).get(path(id)).json();
        Set<String> notes = new HashSet<>();
        doc.get("timeline").forEach(event -> {
            if (event.get("description").asText().startsWith("editor ")) {
                assertThat(notes.add(event.get("description").asText())).as("stored once").isTrue();
            }
        });
        assertThat(notes).hasSize(EDITORS * EDITS_EACH);
        assertThat(doc.get("version").asLong()).isEqualTo(1L + EDITORS * EDITS_EACH);
    }

    @Test
    void unversionedWritesWaitTheirTurnInsteadOfFailing() throws Exception {
        String id = createSpec(CAROL).id();
        List<Reply> patches = concurrently(32, i -> api.as(CAROL).patch(path(id), "{\"impact\":\"writer " + i
                + "\"}"));
        List<Reply> additions = concurrently(32, i -> api.as(CAROL).post(path(id) + "/timeline",
                "{\"time\":\"16:00\",\"description\":\"added by " + i + "\"}"));

        assertThat(patches).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(additions).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        JsonNode doc = api.as(CAROL).get(path(id)).json();
        Set<String> added = new HashSet<>();
        doc.get("timeline").forEach(event -> added.add(event.get("description").asText()));
        for (int i = 0; i < 32; i++) {
            assertThat(added).as("no addition lost").contains("added by " + i);
        }
        assertThat(doc.get("version").asLong()).isEqualTo(1 + 32 + 32);
    }

    @Test
    void concurrentDeletesWithoutIfMatchDeleteOnce() throws Exception {
        String id = createSpec(CAROL).id();

        List<Reply> deletes = concurrently(16, i -> api.as(CAROL).delete(path(id)));

        assertThat(deletes).extracting(Reply::status).filteredOn(status -> status == 204).hasSize(1);
        assertThat(deletes).extracting(Reply::status).filteredOn(status -> status != 204)
                .allSatisfy(status -> assertThat(status).isEqualTo(404));
    }

    private static List<Reply> concurrently(int writers, IntFunction<Reply> write)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return write.apply(writer);
                }));
            }
            start.countDown();
            List<Reply> result = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                result.add(reply.get(2, TimeUnit.MINUTES));
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }
}

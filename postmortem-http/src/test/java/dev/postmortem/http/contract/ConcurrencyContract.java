package dev.postmortem.http.contract;

import static dev.postmortem.http.contract.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.http.contract.ContractClient.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Eight editors at once, each write conditional on the version it read, retried on 412: nothing is lost. */
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
}

package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.port.VersionConflictException;
import dev.postmortem.core.service.CreatePostMortemCommand;
import dev.postmortem.core.service.ExpectedVersion;
import dev.postmortem.core.service.PostMortemService;
import dev.postmortem.core.service.TimelineEventInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Eight editors, fifty read-modify-write updates each, all on one post-mortem, each update
 * based on the version it read and retried on conflict: the final document holds every
 * accepted update exactly once, and its version counts them.
 */
abstract class ConcurrentUpdateContract extends DatabaseTest {


    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 50;
    private static final Actor CAROL = Actor.user("carol@example.com", "acme");


    @Test
    void everyAcceptedUpdateIsStoredExactlyOnce() throws Exception {
        PostMortemService service = PostMortemService.builder(
                JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false).build()).build();
        PostMortem pm = service.create(CAROL, CreatePostMortemCommand.builder().incidentId("INC-1").title("Race")
                .summary("Many editors at once").build());
        AtomicInteger conflicts = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Integer> editor = () -> {
                for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                    String description = "editor " + thread + " update " + i;
                    while (true) {
                        long seen = service.get(CAROL, pm.id()).version();
                        try {
                            service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("10:00", description),
                                    ExpectedVersion.of(seen));
                            break;
                        } catch (VersionConflictException lost) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return UPDATES_PER_THREAD;
            };
            results.add(pool.submit(editor));
        }
        int accepted = 0;
        for (Future<Integer> result : results) {
            accepted += result.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        PostMortem last = service.get(CAROL, pm.id());
        List<String> descriptions = last.content().timeline().stream().map(TimelineEvent::description).toList();
        assertThat(descriptions).hasSize(THREADS * UPDATES_PER_THREAD).doesNotHaveDuplicates();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            // Each editor's own updates appear in the order it made them (same time: insertion order).
            assertThat(descriptions.stream().filter(d -> d.startsWith("editor " + thread + " ")).toList())
                    .containsExactlyElementsOf(IntStream.range(0, UPDATES_PER_THREAD)
                            .mapToObj(i -> "editor " + thread + " update " + i).toList());
        }
        assertThat(last.version()).isEqualTo(1L + accepted);
        System.out.printf("[postmortem tests] %s: %d updates accepted, %d conflicts retried%n",
                getClass().getSimpleName(), accepted, conflicts.get());
    }
}

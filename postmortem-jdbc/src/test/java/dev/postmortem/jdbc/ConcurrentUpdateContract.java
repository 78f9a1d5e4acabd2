package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.postmortem.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-1").title("Race")
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

    /**
     * One writer replaces the title and the whole timeline together, 300 times, while three
     * readers load the document: every read shows the title, timeline and version of one and
     * the same stored version, never a mix of two.
     */
    @Test
    void aReadNeverMixesTwoVersions() throws Exception {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false)
                .build();
        PostMortemService service = PostMortemService.builder(repository).build();
        PostMortem first = service.create(CAROL, PostMortemInput.builder().incidentId("INC-1")
                .title("rev 1").summary("Rewritten while read").build());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?> writer = pool.submit(() -> {
            try {
                for (int rev = 2; rev <= 301; rev++) {
                    String label = "rev " + rev;
                    List<TimelineEvent> timeline = List.of(
                            new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("10:00"), label),
                            new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("11:00"), label));
                    repository.update("acme", first.id(), "alice@example.com", stored -> stored.edit(new PostMortemContent(
                            stored.content().incidentId(), label, stored.content().summary(), null, null, timeline,
                            List.of(), List.of()), Instant.now())).orElseThrow();
                }
            } finally {
                writing.set(false);
            }
            return null;
        });
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    PostMortem read = repository.find("acme", first.id()).orElseThrow();
                    String label = "rev " + read.version();
                    assertThat(read.content().title()).isEqualTo(label);
                    if (read.version() > 1) {
                        assertThat(read.content().timeline()).extracting(TimelineEvent::description)
                                .containsExactly(label, label);
                    }
                    reads++;
                }
                return reads;
            }));
        }
        writer.get(5, TimeUnit.MINUTES);
        int reads = 0;
        for (Future<Integer> reader : readers) {
            reads += reader.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(reads).as("reads made while the writer ran").isPositive();
    }
}

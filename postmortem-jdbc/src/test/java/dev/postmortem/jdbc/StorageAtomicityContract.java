package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Whatever statement of a use case fails, nothing partial is stored: for create, update and
 * transition, every statement is made to fail in turn, and the stored state (rows of every
 * table, and the document with its version) must be exactly what it was before.
 */
abstract class StorageAtomicityContract extends DatabaseTest {


    private static final Actor CAROL = Actor.user("carol@example.com", "acme");


    private FailingDataSource failing;
    private PostMortemService service;
    private JdbcPostMortemRepository cleanRepository;

    private void setUp() {
        failing = new FailingDataSource(dataSource());
        service = PostMortemService.builder(JdbcPostMortemRepository.builder(failing).migrateSchema(false).build())
                .build();
        cleanRepository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false).build();
    }

    @Test
    void aFailedCreateStoresNothing() {
        setUp();
        PostMortemInput withContributors = SpecExample.builder().contributors(List.of("bob@example.com")).build();
        failEachStatementOf(() -> service.create(CAROL, withContributors), () -> {
            assertThat(rowCounts()).containsOnly(Map.entry("pm_post_mortem", 0L), Map.entry("pm_action_item", 0L));
        });
    }

    @Test
    void aFailedUpdateLeavesTheDocumentAndItsVersionAsTheyWere() {
        setUp();
        PostMortem before = service.create(CAROL, SpecExample.command());
        PostMortemInput changes = PostMortemInput.builder().title("Rewritten")
                .timeline(List.of(TimelineEventInput.of("09:00", "Only event"))).actionItems(List.of())
                .contributors(List.of("dave@example.com")).build();

        failEachStatementOf(() -> service.update(CAROL, before.id(), changes, ExpectedVersion.of(1)),
                () -> assertThat(cleanRepository.find("acme", before.id())).contains(before));
    }

    @Test
    void aFailedTransitionLeavesStatusHistoryAndVersionAsTheyWere() {
        setUp();
        PostMortem before = service.create(CAROL, SpecExample.command());

        failEachStatementOf(() -> service.transition(CAROL, before.id(), PostMortemStatus.IN_REVIEW,
                ExpectedVersion.of(1)), () -> assertThat(cleanRepository.find("acme", before.id())).contains(before));
    }

    /**
     * Fails statement 1, then 2, and so on, checking after each failure that the stored state
     * is unchanged, until the use case has fewer statements than the failure point and
     * succeeds.
     */
    private void failEachStatementOf(Runnable useCase, Runnable unchanged) {
        int failures = 0;
        for (int n = 1; n < 500; n++) {
            failing.failOnExecution(n);
            try {
                useCase.run();
            } catch (RuntimeException injected) {
                assertThat(injected).hasStackTraceContaining("injected failure at statement execution " + n);
                failing.countOnly();
                unchanged.run();
                failures++;
                continue;
            }
            break;
        }
        failing.countOnly();
        // each use case here is at least two statements: the document's row and its items, or a lock and a write
        assertThat(failures).as("statements made to fail").isGreaterThanOrEqualTo(2);
    }

    private Map<String, Long> rowCounts() {
        return Jdbi.create(dataSource()).withHandle(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("pm_post_mortem", "pm_action_item")) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }
}

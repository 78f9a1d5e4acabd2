package dev.postmortem.jdbc;

import static dev.postmortem.testing.PostMortems.postMortem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.followup.FollowUpService;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders: one {@code ActionItemOverdue} per overdue item and day, however often and on however
 * many nodes the use case runs against one database, and after a restart: the database records
 * each item and day once.
 */
abstract class ReminderContract extends DatabaseTest {

    private static final int OVERDUE_ITEMS = 60;
    private static final LocalDate TODAY = LocalDate.parse("2024-03-10");

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-10T12:00:00Z"));
    private final List<UUID> overdue = new ArrayList<>();

    @BeforeEach
    void overdueItemsAmongOthers() {
        JdbcPostMortemRepository repository = repository();
        List<ActionItem> inReview = new ArrayList<>();
        for (int i = 0; i < OVERDUE_ITEMS; i++) {
            ActionItem item = item("overdue " + i, ActionItemStatus.TODO, TODAY.minusDays(1 + i % 5));
            inReview.add(item);
            overdue.add(item.id());
        }
        inReview.add(item("done", ActionItemStatus.DONE, TODAY.minusDays(3)));
        inReview.add(item("due today", ActionItemStatus.IN_PROGRESS, TODAY));
        inReview.add(item("no due date", ActionItemStatus.TODO, null));
        repository.insert(postMortem().status(PostMortemStatus.IN_REVIEW).actionItems(inReview).build());
        ActionItem otherTenants = item("another tenant's", ActionItemStatus.IN_PROGRESS, TODAY.minusDays(9));
        overdue.add(otherTenants.id());
        repository.insert(postMortem().tenant("globex").status(PostMortemStatus.PUBLISHED)
                .actionItems(List.of(otherTenants)).build());
        // a draft is private to its authors: no reminder shows its title to anyone else
        repository.insert(postMortem().status(PostMortemStatus.DRAFT)
                .actionItems(List.of(item("a draft's", ActionItemStatus.TODO, TODAY.minusDays(2)))).build());
    }

    @Test
    void runningTwiceAndAfterARestartPublishesEachOverdueItemOnceADay() {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();

        assertThat(node(events).remind()).isEqualTo(overdue.size());
        assertThat(node(events).remind()).as("the same node again").isZero();
        assertThat(node(events).remind()).as("a node started afresh on the same database").isZero();

        assertThat(remindedItems(events)).containsExactlyInAnyOrderElementsOf(overdue);
        DomainEvent.ActionItemOverdue first = (DomainEvent.ActionItemOverdue) events.get(0);
        assertThat(first.day()).isEqualTo(TODAY);
        assertThat(first.overdue()).isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(node(events).remind()).as("the next day, with the item due yesterday")
                .isEqualTo(overdue.size() + 1);
    }

    @Test
    void twoNodesRunningAtOnceTwiceEachPublishEachItemOnce() throws Exception {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        List<FollowUpService> nodes = List.of(node(events), node(events));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = IntStream.range(0, 4).mapToObj(run -> pool.submit(() -> {
                start.await();
                return nodes.get(run % 2).remind();
            })).toList();
            start.countDown();
            int published = 0;
            for (Future<Integer> run : runs) {
                published += run.get();
            }

            assertThat(published).isEqualTo(overdue.size());
            assertThat(remindedItems(events)).containsExactlyInAnyOrderElementsOf(overdue);
        } finally {
            pool.shutdownNow();
        }
    }

    private FollowUpService node(List<DomainEvent> events) {
        return PostMortemService.builder(repository()).clock(clock).events(events::add).build().followUp()
                .orElseThrow();
    }

    private JdbcPostMortemRepository repository() {
        return JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false).build();
    }

    private static List<UUID> remindedItems(List<DomainEvent> events) {
        return events.stream().map(event -> ((DomainEvent.ActionItemOverdue) event).item().id()).toList();
    }

    private static ActionItem item(String description, ActionItemStatus status, LocalDate due) {
        return new ActionItem(UUID.randomUUID(), description, "alice@example.com", status, Priority.HIGH, due);
    }
}

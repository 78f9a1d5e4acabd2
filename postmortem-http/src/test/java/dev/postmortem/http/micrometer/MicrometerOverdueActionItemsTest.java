package dev.postmortem.http.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.port.StorageUnavailableException;
import dev.postmortem.testing.DelegatingRepository;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The overdue gauge: what the database counts, refreshed at most once per interval, NaN while it cannot answer. */
class MicrometerOverdueActionItemsTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private static final PostMortemInput WITHOUT_ITEMS = PostMortemInput.builder().incidentId("INC-7")
            .title("Queue backlog").summary("Orders waited in the queue for an hour.").build();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T08:00:00Z"));
    private boolean storageDown;
    private final PostMortemService service = PostMortemService.builder(
                    new DelegatingRepository(new InMemoryPostMortemRepository()) {
                        @Override
                        public long countOverdueActionItems(LocalDate today) {
                            if (storageDown) {
                                throw new StorageUnavailableException("connection refused", null);
                            }
                            return super.countOverdueActionItems(today);
                        }
                    })
            .clock(clock).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsTheItemsDueBeforeTodayAtMostOncePerInterval() {
        new MicrometerOverdueActionItems(service, Duration.ofMinutes(1)).bindTo(registry);
        PostMortem pm = service.create(CAROL, WITHOUT_ITEMS);
        addItemDue(pm, "2025-03-09");
        addItemDue(pm, "2025-03-10");
        assertThat(gauge()).isEqualTo(1);

        addItemDue(pm, "2025-03-01");
        assertThat(gauge()).as("within the interval: the count read before").isEqualTo(1);
    }

    @Test
    void followsTheDayAndTheDatabase() {
        new MicrometerOverdueActionItems(service, Duration.ZERO).bindTo(registry);
        PostMortem pm = service.create(CAROL, WITHOUT_ITEMS);
        addItemDue(pm, "2025-03-10");
        assertThat(gauge()).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(gauge()).isEqualTo(1);

        storageDown = true;
        assertThat(gauge()).isNaN();
        storageDown = false;
        assertThat(gauge()).isEqualTo(1);
    }

    private void addItemDue(PostMortem pm, String dueDate) {
        service.addActionItem(CAROL, pm.id(), ActionItemInput.of("Alert earlier", null, Priority.HIGH,
                LocalDate.parse(dueDate)), ExpectedVersion.any());
    }

    private double gauge() {
        System.gc(); // the binder is held by nobody but the registry: a weakly held gauge reads NaN after this
        return registry.get(MicrometerOverdueActionItems.NAME).gauge().value();
    }
}

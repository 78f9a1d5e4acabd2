package dev.postmortem.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.ListPostMortemsQuery;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.postmortem.PostMortemSummary.ActionItemCounts;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An item due on the 10th becomes overdue at midnight of the 11th in its tenant's zone
 * (Kiritimati, UTC+14: 10:00 UTC), not at UTC's midnight: in the list, the filter, the counts
 * and the reminders alike.
 */
class OverdueAtTheTenantsMidnightTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final ActionItemFilters OVERDUE = new ActionItemFilters(null, null, null, true, null, null, null,
            null, null, null, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-10T09:59:00Z"));
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository())
            .clock(clock).events(events::add).timeZones(TenantTimeZones.of(ZoneId.of("Pacific/Kiritimati"))).build();
    private final FollowUpService followUp = service.followUp().orElseThrow();

    @Test
    void anItemDueOnTheTenthIsOverdueFromTheTenantsMidnight() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-1").title("Expired")
                .summary("TLS failed").impact("Logins failed").rootCause("The certificate expired")
                .status(PostMortemStatus.IN_REVIEW)
                .actionItem(ActionItemInput.of("Renew", "carol@example.com", Priority.HIGH,
                        LocalDate.parse("2024-03-10"))).build());

        // 23:59 on the 10th in Kiritimati, already the 10th in UTC too
        assertThat(followUp.today("acme")).isEqualTo(LocalDate.parse("2024-03-10"));
        assertThat(pm.content().actionItems().get(0).isOverdue(service.today(CAROL))).isFalse();
        assertThat(followUp.list(CAROL, OVERDUE).items()).isEmpty();
        assertThat(counts()).isEqualTo(new ActionItemCounts(1, 0, 0));
        assertThat(followUp.remind()).isZero();

        clock.advance(Duration.ofMinutes(1)); // 00:00 on the 11th in Kiritimati, 10:00 on the 10th in UTC

        assertThat(followUp.today("acme")).isEqualTo(LocalDate.parse("2024-03-11"));
        assertThat(pm.content().actionItems().get(0).isOverdue(service.today(CAROL))).isTrue();
        assertThat(followUp.list(CAROL, OVERDUE).items()).extracting(row -> row.item().description())
                .containsExactly("Renew");
        assertThat(counts()).isEqualTo(new ActionItemCounts(1, 0, 1));
        assertThat(followUp.remind()).isEqualTo(1);
        assertThat(((DomainEvent.ActionItemOverdue) events.get(events.size() - 1)).day())
                .isEqualTo(LocalDate.parse("2024-03-11"));
    }

    private ActionItemCounts counts() {
        return service.list(CAROL, ListPostMortemsQuery.firstPage()).items().get(0).actionItemCounts();
    }
}

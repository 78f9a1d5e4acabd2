package dev.postmortem.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Change;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VersionHistoryTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor BOB = Actor.user("bob@example.com", "acme");

    private final ServiceFixture fixture = new ServiceFixture();
    private final PostMortemService service = fixture.service;

    private PostMortem draft() {
        return service.create(CAROL, PostMortemInput.builder().incidentId("INC-7").title("Cache stampede")
                .summary("The cache expired everywhere at once.").event("14:30", "Alerts fired")
                .impact("Search was slow for ten minutes.").rootCause("Every key had the same expiry.")
                .contributors(List.of("bob@example.com"))
                .actionItem(ActionItemInput.of("Jitter the expiry", null, Priority.MEDIUM, null)).build());
    }

    private List<FieldChange> changesOf(UUID id, long version) {
        return service.history(CAROL, id, 100, null).items().stream().filter(entry -> entry.version() == version)
                .findFirst().orElseThrow().changes();
    }

    @Test
    void namesEveryFieldAWriteChangedWithItsValuesBeforeAndAfter() {
        PostMortem pm = draft();
        fixture.tick();
        PostMortem edited = service.update(CAROL, pm.id(), PostMortemInput.builder().incidentId("INC-8")
                .title("Stampede").impact("Slow search").usersAffected(1200L).usersAffectedPercent(2.5)
                .servicesAffected(List.of("search")).businessImpact("Fewer orders").rootCause("Same expiry")
                .contributingFactors(List.of("No jitter")).whyNotCaughtEarlier("No load test")
                .lessonsLearned(List.of("Test expiry")).incidentDate(LocalDate.of(2024, 1, 15))
                .timeZone("Europe/Berlin").contributors(List.of("bob@example.com", "dave@example.com")).build(), ExpectedVersion.of(1));

        assertThat(changesOf(pm.id(), 2)).extracting(FieldChange::field).containsExactly("incidentId", "title",
                "impact", "usersAffected", "usersAffectedPercent", "servicesAffected", "businessImpact", "rootCause",
                "contributingFactors", "whyNotCaughtEarlier", "lessonsLearned", "incidentDate", "timeZone",
                "contributors");
        assertThat(changesOf(pm.id(), 2)).contains(new FieldChange("title", "Cache stampede", "Stampede"),
                new FieldChange("impact", "Search was slow for ten minutes.", "Slow search"), new FieldChange("timeZone", "UTC", "Europe/Berlin"),
                new FieldChange("servicesAffected", List.of(), List.of("search")));
        assertThat(service.history(CAROL, pm.id(), null, null).items().get(1).changedAt())
                .isEqualTo(edited.updatedAt());
    }

    @Test
    void listsElementsOneByOneAndStatusAndApprovals() {
        PostMortem pm = draft();
        TimelineEvent first = pm.content().timeline().get(0);
        ActionItem item = pm.content().actionItems().get(0);
        TimelineEvent added = service.addTimelineEvent(BOB, pm.id(), TimelineEventInput.of("14:40", "Rolled back"), ExpectedVersion.any()).element();
        service.removeTimelineEvent(CAROL, pm.id(), first.id(), ExpectedVersion.any());
        service.editActionItem(CAROL, pm.id(), item.id(), new ActionItemInput(null, Change.absent(),
                Change.absent(), Change.absent(), Change.to(Priority.HIGH), Change.absent()),
                ExpectedVersion.any());
        service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.any());
        service.approve(BOB, pm.id(), ExpectedVersion.any());

        assertThat(changesOf(pm.id(), 2)).containsExactly(new FieldChange("timeline/" + added.id(), null, added));
        assertThat(changesOf(pm.id(), 3)).containsExactly(new FieldChange("timeline/" + first.id(), first, null));
        FieldChange priority = changesOf(pm.id(), 4).get(0);
        assertThat(((ActionItem) priority.before()).priority()).isEqualTo(Priority.MEDIUM);
        assertThat(((ActionItem) priority.after()).priority()).isEqualTo(Priority.HIGH);
        assertThat(((ActionItem) priority.after()).status()).isEqualTo(ActionItemStatus.TODO);
        assertThat(changesOf(pm.id(), 5)).containsExactly(
                new FieldChange("status", PostMortemStatus.DRAFT, PostMortemStatus.IN_REVIEW));
        assertThat(changesOf(pm.id(), 6)).extracting(FieldChange::field).containsExactly("approvals/bob@example.com");
        assertThat(service.history(CAROL, pm.id(), null, null).items()).extracting(HistoryEntry::changedBy)
                .containsExactly("carol@example.com", "bob@example.com", "carol@example.com", "carol@example.com",
                        "carol@example.com", "bob@example.com");
    }

    @Test
    void pagesContinueWhereTheLastEndedAndRefuseForeignCursors() {
        PostMortem pm = draft();
        for (int i = 1; i <= 3; i++) {
            service.update(CAROL, pm.id(), PostMortemInput.builder().title("Title " + i).build(), ExpectedVersion.any());
        }

        HistoryPage first = service.history(CAROL, pm.id(), 3, null);
        HistoryPage second = service.history(CAROL, pm.id(), 3, first.nextCursor());

        assertThat(first.items()).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(second.items()).extracting(HistoryEntry::version).containsExactly(4L);
        assertThat(second.items().get(0).changes()).containsExactly(new FieldChange("title", "Title 2", "Title 3"));
        assertThat(second.nextCursor()).isNull();
        for (String foreign : new String[] {"not-ours", "aDE6MA", "aDE6eA", "YzE6MQ"}) {
            assertThatThrownBy(() -> service.history(CAROL, pm.id(), 3, foreign)).as(foreign)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> service.history(CAROL, pm.id(), 0, null)).isInstanceOf(InvalidInputException.class);
    }
}

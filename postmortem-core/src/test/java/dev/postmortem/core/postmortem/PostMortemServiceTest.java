package dev.postmortem.core.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.WorkflowViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostMortemServiceTest {

    private static final Actor ALICE = Actor.user("alice@example.com", "acme");
    private static final Actor BOB = Actor.user("bob@example.com", "acme");
    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor ADMIN = Actor.admin("admin@example.com", "acme");
    private static final Actor STRANGER = Actor.admin("admin@globex.com", "globex");

    private final ServiceFixture fixture = new ServiceFixture();
    private final PostMortemService service = fixture.service;

    @Test
    void createsADraftFromTheSpecsExample() {
        PostMortem created = service.create(CAROL, SpecExample.command());

        assertThat(created.status()).isEqualTo(PostMortemStatus.DRAFT);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdBy()).isEqualTo("carol@example.com");
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2024-01-15T16:00:00Z"));
        assertThat(created.publishedAt()).isNull();
        assertThat(created.content().timeline()).extracting(e -> e.time().text())
                .containsExactly("14:30", "14:35", "14:50", "15:05", "15:15");
        assertThat(created.content().actionItems()).extracting(ActionItem::status).containsOnly(ActionItemStatus.TODO);
        assertThat(service.get(CAROL, created.id())).isEqualTo(created);
        assertThat(fixture.eventsOf(DomainEvent.PostMortemCreated.class)).hasSize(1);
    }

    @Test
    void createsInReviewWhenAskedAndRefusesLaterStatuses() {
        PostMortem review = service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW).build());
        assertThat(review.status()).isEqualTo(PostMortemStatus.IN_REVIEW);

        assertThatThrownBy(() -> service.create(CAROL, builder().status(PostMortemStatus.PUBLISHED).build()))
                .isInstanceOf(WorkflowViolationException.class);
        assertThat(fixture.repository.size()).isEqualTo(1);
    }

    @Test
    void hiddenAndMissingLookTheSame() {
        PostMortem draft = service.create(CAROL, builder().build());

        assertThatThrownBy(() -> service.get(BOB, draft.id())).isInstanceOf(PostMortemNotFoundException.class)
                .hasMessage("No post-mortem " + draft.id() + ".");
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> service.get(BOB, missing)).isInstanceOf(PostMortemNotFoundException.class)
                .hasMessage("No post-mortem " + missing + ".");
        assertThatThrownBy(() -> service.get(STRANGER, draft.id())).isInstanceOf(PostMortemNotFoundException.class);
        assertThatThrownBy(() -> service.update(BOB, draft.id(), PostMortemInput.builder().title("x").build(),
                ExpectedVersion.any())).isInstanceOf(PostMortemNotFoundException.class);
        assertThat(service.get(ADMIN, draft.id()).id()).isEqualTo(draft.id());
    }

    @Test
    void contributorsSeeAndEditTheDraft() {
        PostMortem draft = service.create(CAROL, builder().contributors(List.of("Bob@Example.com")).build());

        assertThat(draft.content().contributors()).containsExactly("bob@example.com");
        PostMortem edited = service.update(BOB, draft.id(), PostMortemInput.builder().impact("Bob's words").build(),
                ExpectedVersion.of(1));
        assertThat(edited.content().impact()).isEqualTo("Bob's words");
        assertThat(edited.version()).isEqualTo(2);
    }

    @Test
    void otherUsersSeeReviewsButMayNotEditThem() {
        PostMortem review = service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW).build());

        assertThat(service.get(BOB, review.id()).id()).isEqualTo(review.id());
        assertThatThrownBy(() -> service.update(BOB, review.id(), PostMortemInput.builder().title("Mine").build(),
                ExpectedVersion.any())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.transition(BOB, review.id(), PostMortemStatus.PUBLISHED,
                ExpectedVersion.any())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(BOB, review.id(), ExpectedVersion.any()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.get(CAROL, review.id())).isEqualTo(review);
    }

    @Test
    void updateMergesAbsentFieldsUnchangedAndNullRemovesOptionalOnes() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        fixture.tick();

        PostMortem updated = service.update(CAROL, pm.id(), PostMortemInput.builder()
                .title("Connection pool exhaustion on orders-db").rootCause(null).build(), ExpectedVersion.of(1));

        assertThat(updated.content().title()).isEqualTo("Connection pool exhaustion on orders-db");
        assertThat(updated.content().rootCause()).isNull();
        assertThat(updated.content().summary()).isEqualTo(pm.content().summary());
        assertThat(updated.content().timeline()).isEqualTo(pm.content().timeline());
        assertThat(updated.content().actionItems()).isEqualTo(pm.content().actionItems());
        assertThat(updated.updatedAt()).isAfter(pm.updatedAt());
        assertThat(updated.createdAt()).isEqualTo(pm.createdAt());
    }

    @Test
    void arraysReplaceAndElementsWithAnExistingIdKeepIt() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        TimelineEvent kept = pm.content().timeline().get(1);

        PostMortem updated = service.update(CAROL, pm.id(), PostMortemInput.builder().timeline(List.of(
                new TimelineEventInput(kept.id(), "14:36", "Acknowledged (corrected time)", null),
                TimelineEventInput.of("14:31", "New event"))).build(), ExpectedVersion.of(1));

        assertThat(updated.content().timeline()).hasSize(2);
        assertThat(updated.content().timeline().get(0).description()).isEqualTo("New event");
        assertThat(updated.content().timeline().get(1).id()).isEqualTo(kept.id());
        assertThat(updated.content().timeline().get(1).time().text()).isEqualTo("14:36");
    }

    @Test
    void anIdThePostMortemDoesNotHaveIsBadInput() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        UUID foreign = UUID.randomUUID();
        UUID existing = pm.content().actionItems().get(0).id();

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().actionItems(List.of(
                new ActionItemInput(foreign, "x", null, null, null, null),
                new ActionItemInput(existing, "y", null, null, null, null),
                new ActionItemInput(existing, "z", null, null, null, null))).build(), ExpectedVersion.of(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("actionItems[0].id", "no action item with this id in this post-mortem;"
                                + " leave the id out to add a new action item"),
                        new FieldError("actionItems[2].id", "the same action item id appears more than once")));
        assertThat(service.get(CAROL, pm.id())).isEqualTo(pm);
    }

    @Test
    void statusInAnUpdateAppliesTheEditsThenTheTransition() {
        PostMortem pm = service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW).build());

        PostMortem published = service.update(CAROL, pm.id(), PostMortemInput.builder().title("Final title")
                .status(PostMortemStatus.PUBLISHED).build(), ExpectedVersion.of(1));

        assertThat(published.status()).isEqualTo(PostMortemStatus.PUBLISHED);
        assertThat(published.content().title()).isEqualTo("Final title");
        assertThat(published.version()).as("one write").isEqualTo(2);
        assertThat(published.publishedAt()).isEqualTo(fixture.clock.instant());

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().title("Too late")
                .status(PostMortemStatus.ARCHIVED).build(), ExpectedVersion.of(2)))
                .isInstanceOf(WorkflowViolationException.class).hasMessageContaining("title");
        assertThat(service.get(CAROL, pm.id())).isEqualTo(published);
    }

    @Test
    void aNoOpUpdateWritesNothing() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        PostMortem same = service.update(CAROL, pm.id(), PostMortemInput.builder().title(pm.content().title())
                .status(PostMortemStatus.DRAFT).build(), ExpectedVersion.of(1));

        assertThat(same).isEqualTo(pm);
        assertThat(fixture.events).hasSize(1);
    }

    @Test
    void walksTheWholeWorkflowWithEvents() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.of(1));
        service.transition(CAROL, pm.id(), PostMortemStatus.DRAFT, ExpectedVersion.of(2));
        service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.of(3));
        service.transition(ADMIN, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.of(4));

        assertThatThrownBy(() -> service.transition(CAROL, pm.id(), PostMortemStatus.ARCHIVED, ExpectedVersion.of(5)))
                .isInstanceOf(WorkflowViolationException.class).hasMessageContaining("not DONE");
        for (ActionItem item : pm.content().actionItems()) {
            // each owner closes their own item on the published post-mortem
            Actor owner = Actor.user(item.owner(), "acme");
            service.editActionItem(owner, pm.id(), item.id(), ActionItemInput.none().status(ActionItemStatus.DONE),
                    ExpectedVersion.any());
        }
        PostMortem archived = service.transition(CAROL, pm.id(), PostMortemStatus.ARCHIVED, ExpectedVersion.of(7));

        assertThat(archived.status()).isEqualTo(PostMortemStatus.ARCHIVED);
        assertThat(archived.statusHistory()).extracting(c -> c.from() + ">" + c.to()).containsExactly(
                "null>DRAFT", "DRAFT>IN_REVIEW", "IN_REVIEW>DRAFT", "DRAFT>IN_REVIEW", "IN_REVIEW>PUBLISHED",
                "PUBLISHED>ARCHIVED");
        assertThat(fixture.eventsOf(DomainEvent.StatusChanged.class)).extracting(DomainEvent.StatusChanged::to)
                .containsExactly(PostMortemStatus.IN_REVIEW, PostMortemStatus.DRAFT, PostMortemStatus.IN_REVIEW,
                        PostMortemStatus.PUBLISHED, PostMortemStatus.ARCHIVED);
        assertThat(fixture.eventsOf(DomainEvent.ActionItemChanged.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.after().status()).isEqualTo(ActionItemStatus.DONE));
        assertThatThrownBy(() -> service.editActionItem(CAROL, pm.id(), pm.content().actionItems().get(0).id(),
                ActionItemInput.none().status(ActionItemStatus.TODO), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class).hasMessageContaining("ARCHIVED");
    }

    @Test
    void allowedTransitionsAreWhatTheCallerCanDoNow() {
        PostMortem pm = published(SpecExample.command());

        assertThat(service.allowedTransitions(CAROL, pm)).as("items still open").isEmpty();
        assertThat(service.allowedTransitions(BOB, service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW)
                .build()))).as("not an editor").isEmpty();
        assertThat(service.allowedTransitions(ADMIN, service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW)
                .build()))).containsExactly(PostMortemStatus.DRAFT, PostMortemStatus.PUBLISHED);
        for (ActionItem item : pm.content().actionItems()) {
            service.editActionItem(CAROL, pm.id(), item.id(), ActionItemInput.none().status(ActionItemStatus.DONE),
                    ExpectedVersion.any());
        }
        assertThat(service.allowedTransitions(CAROL, service.get(CAROL, pm.id())))
                .containsExactly(PostMortemStatus.ARCHIVED);
    }

    @Test
    void publishingADraftDirectlyNeedsReviewSwitchedOff() {
        PostMortem pm = service.create(CAROL, builder().build());
        assertThatThrownBy(() -> service.transition(CAROL, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class);

        ServiceFixture relaxed = new ServiceFixture(false);
        PostMortem other = relaxed.service.create(CAROL, builder().build());
        assertThat(relaxed.service.transition(CAROL, other.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.any())
                .status()).isEqualTo(PostMortemStatus.PUBLISHED);
    }

    @Test
    void publishedPostMortemsLockEverythingButActionItemStatus() {
        PostMortem pm = published(SpecExample.command());
        ActionItem item = pm.content().actionItems().get(0);
        TimelineEvent event = pm.content().timeline().get(0);

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().summary("Rewritten")
                .build(), ExpectedVersion.any())).isInstanceOf(WorkflowViolationException.class)
                .hasMessageContaining("summary");
        assertThatThrownBy(() -> service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("16:00", "Late"),
                ExpectedVersion.any())).isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.editTimelineEvent(CAROL, pm.id(), event.id(),
                TimelineEventInput.none().description("Edited"), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.removeActionItem(CAROL, pm.id(), item.id(), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.editActionItem(CAROL, pm.id(), item.id(),
                ActionItemInput.none().priority(Priority.LOW), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.delete(CAROL, pm.id(), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class).hasMessageContaining("archive it instead");

        PostMortem progressed = service.editActionItem(CAROL, pm.id(), item.id(),
                ActionItemInput.none().status(ActionItemStatus.IN_PROGRESS), ExpectedVersion.any());
        assertThat(progressed.actionItem(item.id()).orElseThrow().status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
        assertThat(progressed.content().title()).isEqualTo(pm.content().title());
    }

    @Test
    void anOwnerMayChangeTheStatusOfTheirItemOnly() {
        PostMortem pm = published(SpecExample.command());
        ActionItem alicesItem = pm.content().actionItems().get(0);
        ActionItem bobsItem = pm.content().actionItems().get(1);

        service.editActionItem(ALICE, pm.id(), alicesItem.id(), ActionItemInput.none().status(ActionItemStatus.DONE),
                ExpectedVersion.any());
        assertThatThrownBy(() -> service.editActionItem(ALICE, pm.id(), bobsItem.id(),
                ActionItemInput.none().status(ActionItemStatus.DONE), ExpectedVersion.any()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.editActionItem(ALICE, pm.id(), alicesItem.id(),
                ActionItemInput.none().owner("someone@example.com"), ExpectedVersion.any()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void timelineBuilderAddsEditsAndRemovesOneEventKeepingOrder() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        Added<TimelineEvent> added = service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("14:40",
                "Database failover started"), ExpectedVersion.of(1));
        assertThat(added.element().description()).isEqualTo("Database failover started");
        assertThat(added.postMortem().content().timeline()).extracting(e -> e.time().text())
                .containsExactly("14:30", "14:35", "14:40", "14:50", "15:05", "15:15");

        PostMortem moved = service.editTimelineEvent(CAROL, pm.id(), added.element().id(),
                TimelineEventInput.none().time("15:10"), ExpectedVersion.of(2));
        assertThat(moved.content().timeline()).extracting(TimelineEvent::id).element(4).isEqualTo(added.element().id());
        assertThat(moved.timelineEvent(added.element().id()).orElseThrow().description())
                .isEqualTo("Database failover started");

        PostMortem removed = service.removeTimelineEvent(CAROL, pm.id(), added.element().id(), ExpectedVersion.of(3));
        assertThat(removed.content().timeline()).isEqualTo(pm.content().timeline());
        assertThatThrownBy(() -> service.removeTimelineEvent(CAROL, pm.id(), added.element().id(),
                ExpectedVersion.any())).isInstanceOf(PostMortemNotFoundException.class)
                .hasMessageContaining("No timeline event");
    }

    @Test
    void eventsWithTheSameTimeStayInTheOrderTheyWereAdded() {
        PostMortem pm = service.create(CAROL, builder().build());
        service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("10:00", "first"), ExpectedVersion.any());
        service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("10:00", "second"), ExpectedVersion.any());
        Added<TimelineEvent> third = service.addTimelineEvent(CAROL, pm.id(), TimelineEventInput.of("10:00", "third"),
                ExpectedVersion.any());

        assertThat(third.postMortem().content().timeline()).extracting(TimelineEvent::description)
                .containsExactly("first", "second", "third");
        assertThat(third.element().description()).isEqualTo("third");
    }

    @Test
    void actionItemsAreAddedEditedAndRemovedOneByOne() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        Added<ActionItem> added = service.addActionItem(CAROL, pm.id(), ActionItemInput.of("Load-test the pool",
                null, null, null), ExpectedVersion.of(1));
        assertThat(added.element()).satisfies(item -> {
            assertThat(item.priority()).as("default priority").isEqualTo(Priority.MEDIUM);
            assertThat(item.status()).as("default status").isEqualTo(ActionItemStatus.TODO);
            assertThat(item.owner()).isNull();
        });
        PostMortem edited = service.editActionItem(CAROL, pm.id(), added.element().id(), ActionItemInput.none()
                .owner("dave@example.com").dueDate(LocalDate.parse("2024-03-01")).priority(Priority.HIGH),
                ExpectedVersion.of(2));
        assertThat(edited.actionItem(added.element().id()).orElseThrow()).satisfies(item -> {
            assertThat(item.owner()).isEqualTo("dave@example.com");
            assertThat(item.dueDate()).isEqualTo(LocalDate.parse("2024-03-01"));
            assertThat(item.description()).isEqualTo("Load-test the pool");
        });
        PostMortem cleared = service.editActionItem(CAROL, pm.id(), added.element().id(), ActionItemInput.none()
                .dueDate(null), ExpectedVersion.of(3));
        assertThat(cleared.actionItem(added.element().id()).orElseThrow().dueDate()).isNull();

        PostMortem removed = service.removeActionItem(CAROL, pm.id(), added.element().id(), ExpectedVersion.of(4));
        assertThat(removed.content().actionItems()).isEqualTo(pm.content().actionItems());
        assertThat(fixture.eventsOf(DomainEvent.ActionItemChanged.class)).hasSize(4)
                .last().satisfies(e -> assertThat(e.after()).isNull());
    }

    @Test
    void anIdInAnAddedElementIsRefused() {
        PostMortem pm = service.create(CAROL, builder().build());

        assertThatThrownBy(() -> service.addTimelineEvent(CAROL, pm.id(), new TimelineEventInput(UUID.randomUUID(),
                "10:00", "x", null), ExpectedVersion.any())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("id"));
    }

    @Test
    void aStaleVersionIsAConflictAndStoresNothing() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        service.update(CAROL, pm.id(), PostMortemInput.builder().title("First").build(), ExpectedVersion.of(1));

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().title("Second").build(),
                ExpectedVersion.of(1))).isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("changed by someone else");
        assertThatThrownBy(() -> service.delete(CAROL, pm.id(), ExpectedVersion.of(1)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(service.get(CAROL, pm.id()).content().title()).isEqualTo("First");
    }

    @Test
    void deletesDraftsAndReviews() {
        PostMortem draft = service.create(CAROL, builder().build());
        PostMortem review = service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW).build());

        service.delete(CAROL, draft.id(), ExpectedVersion.of(1));
        service.delete(ADMIN, review.id(), ExpectedVersion.any());

        assertThat(fixture.repository.size()).isZero();
        assertThat(fixture.eventsOf(DomainEvent.PostMortemDeleted.class)).extracting(DomainEvent::postMortemId)
                .containsExactly(draft.id(), review.id());
        assertThatThrownBy(() -> service.get(CAROL, draft.id())).isInstanceOf(PostMortemNotFoundException.class);
    }

    @Test
    void listsPagesWithAnOpaqueCursor() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, service.create(CAROL, builder().status(PostMortemStatus.IN_REVIEW).build()).id());
            fixture.tick();
        }

        PostMortemList first = service.list(BOB, new ListPostMortemsQuery(Set.of(), null, null, 2, null));
        PostMortemList second = service.list(BOB, new ListPostMortemsQuery(Set.of(), null, null, 2, first.nextCursor()));
        PostMortemList third = service.list(BOB, new ListPostMortemsQuery(Set.of(), null, null, 2, second.nextCursor()));

        List<UUID> seen = new ArrayList<>();
        for (PostMortemList page : List.of(first, second, third)) {
            page.items().stream().map(PostMortemSummary::id).forEach(seen::add);
        }
        assertThat(seen).isEqualTo(created);
        assertThat(third.nextCursor()).isNull();
        assertThat(first.nextCursor()).doesNotContain(created.get(1).toString()).matches("[A-Za-z0-9_-]+");
        assertThat(service.list(BOB, ListPostMortemsQuery.firstPage()).items()).hasSize(5);
    }

    @Test
    void listRefusesBadLimitsAndCursorsNamingTheParameter() {
        for (int limit : new int[] {0, -1, 101}) {
            assertThatThrownBy(() -> service.list(BOB, new ListPostMortemsQuery(Set.of(), null, null, limit, null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("limit", "must be between 1 and 100")));
        }
        for (String cursor : List.of("garbage", "!!!", "dj E6", java.util.Base64.getUrlEncoder().encodeToString(
                "v1:1:2:not-a-uuid".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            assertThatThrownBy(() -> service.list(BOB, new ListPostMortemsQuery(Set.of(), null, null, null, cursor)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("cursor"));
        }
        assertThatThrownBy(() -> service.list(BOB, new ListPostMortemsQuery(Set.of(), "x".repeat(101),
                "y".repeat(201), null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("q", "incidentId"));
    }

    @Test
    void listFiltersByStatusIncidentAndText() {
        PostMortem spec = service.create(CAROL, SpecExample.command());
        fixture.tick();
        PostMortem other = service.create(CAROL, builder().incidentId("INC-9").title("Certificate expiry")
                .status(PostMortemStatus.IN_REVIEW).build());

        assertThat(ids(service.list(CAROL, new ListPostMortemsQuery(Set.of(PostMortemStatus.IN_REVIEW), null, null,
                null, null)))).containsExactly(other.id());
        assertThat(ids(service.list(CAROL, new ListPostMortemsQuery(Set.of(), "INC-2024-001", null, null, null))))
                .containsExactly(spec.id());
        assertThat(ids(service.list(CAROL, new ListPostMortemsQuery(Set.of(), null, "  connection  POOL ", null,
                null)))).containsExactly(spec.id());
        assertThat(ids(service.list(BOB, new ListPostMortemsQuery(Set.of(), null, "pool", null, null))))
                .as("the draft is Carol's").isEmpty();
    }

    @Test
    void exportsMarkdownAndHtmlToThoseWhoMaySeeIt() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        assertThat(service.exportMarkdown(CAROL, pm.id())).startsWith("# Database Connection Pool Exhaustion\n");
        assertThat(service.exportHtml(CAROL, pm.id())).startsWith("<h1>Database Connection Pool Exhaustion</h1>");
        assertThatThrownBy(() -> service.exportMarkdown(BOB, pm.id())).isInstanceOf(PostMortemNotFoundException.class);
    }

    @Test
    void anUnversionedWriteAppliesToWhatAnotherWriterStoredBeforeIt() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        service.update(CAROL, pm.id(), PostMortemInput.builder().title("Their title").build(), ExpectedVersion.any());

        PostMortem result = service.update(CAROL, pm.id(), PostMortemInput.builder().impact("Our impact").build(),
                ExpectedVersion.any());

        assertThat(result.content().title()).isEqualTo("Their title");
        assertThat(result.content().impact()).isEqualTo("Our impact");
        assertThat(result.version()).isEqualTo(3);
        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().impact("Stale")
                .build(), ExpectedVersion.of(2))).as("a versioned write is never re-applied")
                .isInstanceOf(VersionConflictException.class);
        assertThat(fixture.repository.find("acme", pm.id()).orElseThrow().content().impact()).isEqualTo("Our impact");
    }

    @Test
    void replacingAListWithoutAVersionIsRefused() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().actionItems(List.of())
                .build(), ExpectedVersion.any())).isInstanceOf(VersionRequiredException.class)
                .satisfies(e -> assertThat(((VersionRequiredException) e).fields()).containsExactly("actionItems"));
        assertThat(service.update(CAROL, pm.id(), PostMortemInput.builder().actionItems(List.of()).build(),
                ExpectedVersion.of(1)).content().actionItems()).isEmpty();
    }

    @Test
    void aFailingListenerNeverUndoesTheAnswerToAStoredWrite() {
        List<DomainEvent> delivered = new ArrayList<>();
        PostMortemService failing = PostMortemService.builder(fixture.repository).clock(fixture.clock)
                .events(event -> {
                    delivered.add(event);
                    throw new IllegalStateException("the chat integration is down");
                }).build();

        PostMortem created = failing.create(CAROL, SpecExample.command());
        PostMortem updated = failing.update(CAROL, created.id(), PostMortemInput.builder().impact("More").build(),
                ExpectedVersion.any());
        failing.delete(CAROL, created.id(), ExpectedVersion.any());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(delivered).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("PostMortemCreated", "PostMortemUpdated", "PostMortemDeleted");
        assertThat(fixture.repository.find("acme", created.id())).isEmpty();
    }

    private static PostMortemContent retitled(PostMortem pm, String title) {
        return pm.content().apply(PostMortemInput.builder().title(title).build(), UUID::randomUUID);
    }

    private PostMortem published(PostMortemInput command) {
        PostMortem pm = service.create(CAROL, command);
        service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.any());
        return service.transition(CAROL, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.any());
    }

    private static List<UUID> ids(PostMortemList list) {
        return list.items().stream().map(PostMortemSummary::id).toList();
    }

    private static PostMortemInput.Builder builder() {
        return PostMortemInput.builder().incidentId("INC-7").title("Cache stampede")
                .summary("The cache expired everywhere at once.").impact("Search was slow for ten minutes.")
                .rootCause("Every key had the same expiry.");
    }
}

package dev.postmortem.testing;

import static dev.postmortem.testing.PostMortems.postMortem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.history.FieldChange;
import dev.postmortem.core.history.HistoryEntry;
import dev.postmortem.core.history.HistoryRepository;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.PostMortemPage;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.review.CommentPosition;
import dev.postmortem.core.review.CommentRepository;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.StatusWorkflow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PostMortemRepository} must do. Each storage adapter runs this class
 * through a subclass (in memory, H2, PostgreSQL), so they all behave the same.
 */
public abstract class PostMortemRepositoryContract {

    protected static final Instant T0 = Instant.parse("2024-01-15T16:00:00Z");
    protected static final Actor ADMIN = Actor.admin("admin@example.com", "acme");
    protected static final Actor CREATOR = Actor.user("creator@example.com", "acme");
    protected static final Actor OTHER = Actor.user("other@example.com", "acme");

    protected PostMortemRepository repository;

    /** A repository with nothing stored, for one test. */
    protected abstract PostMortemRepository newRepository();

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @Test
    void storesAndReadsBackEveryField() {
        PostMortem stored = postMortem().status(PostMortemStatus.PUBLISHED).contributors("bob@example.com",
                "carol@example.com").build();
        repository.insert(stored);

        assertThat(repository.find("acme", stored.id())).contains(stored);
    }

    @Test
    void keepsOptionalFieldsAbsentAndEmptyListsEmpty() {
        PostMortem stored = postMortem().impact(null).rootCause(null).timeline(List.of()).actionItems(List.of())
                .build();
        repository.insert(stored);

        PostMortem read = repository.find("acme", stored.id()).orElseThrow();
        assertThat(read.content().impact()).isNull();
        assertThat(read.content().rootCause()).isNull();
        assertThat(read.content().timeline()).isEmpty();
        assertThat(read.content().actionItems()).isEmpty();
        assertThat(read).isEqualTo(stored);
    }

    @Test
    void keepsTimelineOrderWithTiesInInsertionOrderAndDateTimes() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<TimelineEvent> events = List.of(
                new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("2024-01-15T15:00:00+01:00"), "later"),
                new TimelineEvent(first, TimelineTime.parse("2024-01-15T13:00:00Z"), "tie one"),
                new TimelineEvent(second, TimelineTime.parse("2024-01-15T14:00:00+01:00"), "tie two"));
        PostMortem stored = postMortem().timeline(events).build();
        repository.insert(stored);

        List<TimelineEvent> read = repository.find("acme", stored.id()).orElseThrow().content().timeline();
        assertThat(read).extracting(TimelineEvent::description).containsExactly("tie one", "tie two", "later");
        assertThat(read.get(1).time().text()).isEqualTo("2024-01-15T14:00:00+01:00");
    }

    @Test
    void keepsActionItemOrderAsWritten() {
        List<ActionItem> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(new ActionItem(UUID.randomUUID(), "item " + i, i % 2 == 0 ? "owner" + i + "@example.com" : null,
                    ActionItemStatus.values()[i % 3], Priority.values()[i % 3],
                    i % 3 == 0 ? null : LocalDate.parse("2024-03-01").plusDays(i)));
        }
        PostMortem stored = postMortem().actionItems(items).build();
        repository.insert(stored);

        assertThat(repository.find("acme", stored.id()).orElseThrow().content().actionItems()).isEqualTo(items);
    }

    @Test
    void countsTheItemsNotDoneThatWereDueBeforeTodayInEveryTenant() {
        LocalDate today = LocalDate.parse("2024-03-10");
        repository.insert(postMortem().actionItems(List.of(
                item(ActionItemStatus.TODO, today.minusDays(1)),          // overdue
                item(ActionItemStatus.IN_PROGRESS, today.minusDays(30)),  // overdue
                item(ActionItemStatus.DONE, today.minusDays(1)),          // done
                item(ActionItemStatus.TODO, today),                       // due today
                item(ActionItemStatus.TODO, null))).build());             // no due date
        repository.insert(postMortem().tenant("globex").actionItems(List.of(
                item(ActionItemStatus.TODO, today.minusDays(2)))).build());

        assertThat(repository.countOverdueActionItems(today)).isEqualTo(3);
        assertThat(repository.countOverdueActionItems(today.minusDays(30))).isZero();
    }

    private static ActionItem item(ActionItemStatus status, LocalDate dueDate) {
        return new ActionItem(UUID.randomUUID(), "item", null, status, Priority.MEDIUM, dueDate);
    }

    @Test
    void findsNothingInAnotherTenant() {
        PostMortem stored = postMortem().build();
        repository.insert(stored);

        assertThat(repository.find("globex", stored.id())).isEmpty();
        assertThat(repository.find("acme", UUID.randomUUID())).isEmpty();
    }

    @Test
    void updateReplacesTheDocumentAndBumpsTheVersion() {
        PostMortem original = postMortem().build();
        repository.insert(original);
        PostMortemContent content = original.content();
        PostMortemContent changed = new PostMortemContent(content.incidentId(), "New title", content.summary(),
                null, "Another cause",
                List.of(new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("09:00"), "Only event")),
                List.of(content.actionItems().get(1).withStatus(ActionItemStatus.DONE)),
                List.of("dave@example.com"));
        PostMortem edited = original.edit(changed, T0.plusSeconds(3600));

        Optional<PostMortem> returned = repository.update("acme", original.id(), "alice@example.com", current -> {
            assertThat(current).isEqualTo(original);
            return edited;
        });

        assertThat(returned).contains(edited.withVersion(2));
        assertThat(repository.find("acme", original.id())).contains(edited.withVersion(2));
    }

    @Test
    void updateStoresStatusHistoryAndPublishedAt() {
        PostMortem original = postMortem().status(PostMortemStatus.IN_REVIEW).build();
        repository.insert(original);
        PostMortem published = original.transitionTo(PostMortemStatus.PUBLISHED, StatusWorkflow.reviewRequired(),
                "admin@example.com", T0.plusSeconds(7200));

        repository.update("acme", original.id(), "alice@example.com", current -> published);

        PostMortem read = repository.find("acme", original.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(PostMortemStatus.PUBLISHED);
        assertThat(read.publishedAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(read.statusHistory()).isEqualTo(published.statusHistory());
    }

    @Test
    void eachUpdateSeesWhatTheOneBeforeStored() {
        PostMortem original = postMortem().build();
        repository.insert(original);
        repository.update("acme", original.id(), "alice@example.com", current -> retitled(current, "First writer"));

        PostMortem second = repository.update("acme", original.id(), "alice@example.com", current -> {
            assertThat(current.content().title()).isEqualTo("First writer");
            assertThat(current.version()).isEqualTo(2);
            return retitled(current, current.content().title() + ", then the second");
        }).orElseThrow();

        assertThat(second.version()).isEqualTo(3);
        assertThat(repository.find("acme", original.id()).orElseThrow().content().title())
                .isEqualTo("First writer, then the second");
    }

    @Test
    void anUpdateThatChangesNothingOrFailsStoresNothing() {
        PostMortem original = postMortem().build();
        repository.insert(original);

        assertThat(repository.update("acme", original.id(), "alice@example.com", current -> current)).contains(original);
        assertThatThrownBy(() -> repository.update("acme", original.id(), "alice@example.com", current -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(repository.find("acme", original.id())).contains(original);
    }

    @Test
    void updateOfAMissingOrForeignPostMortemFindsNothing() {
        PostMortem original = postMortem().build();
        assertThat(repository.update("acme", original.id(), "alice@example.com", current -> current)).isEmpty();

        repository.insert(original);
        assertThat(repository.update("globex", original.id(), "alice@example.com", current -> retitled(current, "Hijack"))).isEmpty();
        assertThat(repository.find("acme", original.id())).contains(original);
    }

    /** Sixteen writers each add one event without knowing the others: every event is stored once. */
    @Test
    void concurrentUpdatesWaitForEachOtherAndLoseNothing() throws Exception {
        PostMortem original = postMortem().build();
        repository.insert(original);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String description = "writer " + i;
            writers.add(pool.submit(() -> repository.update("acme", original.id(), "alice@example.com", current -> {
                PostMortemContent c = current.content();
                List<TimelineEvent> timeline = new ArrayList<>(c.timeline());
                timeline.add(new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("23:00"), description));
                return current.edit(c.withTimeline(timeline), current.updatedAt());
            })));
        }
        for (Future<?> writer : writers) {
            writer.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        PostMortem read = repository.find("acme", original.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(17);
        assertThat(read.content().timeline()).extracting(TimelineEvent::description)
                .filteredOn(d -> d.startsWith("writer ")).hasSize(16).doesNotHaveDuplicates();
    }

    private CommentRepository comments() {
        return (CommentRepository) repository;
    }

    private HistoryRepository history() {
        return (HistoryRepository) repository;
    }

    private static Comment comment(PostMortem on, UUID inReplyTo, Instant at, String body) {
        return new Comment(UUID.randomUUID(), on.tenantId(), on.id(), inReplyTo == null ? "rootCause" : null,
                inReplyTo, "bob@example.com", body, at, at, false, null, null);
    }

    @Test
    void keepsCommentsWithEveryFieldAndPagesThemOldestFirst() {
        PostMortem pm = postMortem().build();
        repository.insert(pm);
        Comment thread = comment(pm, null, T0, "Which index? ünïcödé 🚒");
        Comment sameInstant = comment(pm, thread.id(), T0, "Same moment");
        Comment later = comment(pm, thread.id(), T0.plusMillis(1), "Later");
        comments().insertComment(later);
        comments().insertComment(thread);
        comments().insertComment(sameInstant);

        assertThat(comments().findComment("acme", pm.id(), thread.id())).contains(thread);
        assertThat(comments().findComment("globex", pm.id(), thread.id())).isEmpty();
        assertThat(comments().findComment("acme", UUID.randomUUID(), thread.id())).isEmpty();
        List<Comment> firstTwo = comments().comments("acme", pm.id(), null, 2);
        List<Comment> rest = comments().comments("acme", pm.id(),
                new CommentPosition(firstTwo.get(1).createdAt(), firstTwo.get(1).id()), 2);
        assertThat(firstTwo.get(0).createdAt()).isEqualTo(T0);
        assertThat(firstTwo.get(1).createdAt()).isEqualTo(T0);
        assertThat(firstTwo).containsExactlyInAnyOrder(thread, sameInstant);
        assertThat(rest).containsExactly(later);
        assertThat(comments().comments("globex", pm.id(), null, 10)).isEmpty();
    }

    @Test
    void updatesDeletesAndCascadesComments() {
        PostMortem pm = postMortem().build();
        repository.insert(pm);
        Comment thread = comment(pm, null, T0, "Which index?");
        Comment reply = comment(pm, thread.id(), T0.plusSeconds(1), "Title");
        comments().insertComment(thread);
        comments().insertComment(reply);

        Comment resolved = thread.withBody("Which index, exactly?", T0.plusSeconds(2))
                .withResolved(true, "carol@example.com", T0.plusSeconds(3));
        assertThat(comments().updateComment(resolved)).isTrue();
        assertThat(comments().findComment("acme", pm.id(), thread.id())).contains(resolved);
        assertThat(comments().hasReplies("acme", pm.id(), thread.id())).isTrue();
        assertThat(comments().hasReplies("acme", pm.id(), reply.id())).isFalse();
        assertThat(comments().deleteComment("globex", pm.id(), reply.id())).isFalse();
        assertThat(comments().deleteComment("acme", pm.id(), reply.id())).isTrue();
        assertThat(comments().deleteComment("acme", pm.id(), reply.id())).isFalse();
        assertThat(comments().hasReplies("acme", pm.id(), thread.id())).isFalse();

        repository.delete("acme", pm.id(), current -> { });
        assertThat(comments().findComment("acme", pm.id(), thread.id())).isEmpty();
        assertThat(comments().updateComment(resolved)).isFalse();
    }

    @Test
    void countsTheThreadsNotResolved() {
        PostMortem pm = postMortem().build();
        repository.insert(pm);
        Comment open = comment(pm, null, T0, "Which index?");
        Comment resolved = comment(pm, null, T0.plusSeconds(1), "Why not earlier?")
                .withResolved(true, "carol@example.com", T0.plusSeconds(2));
        comments().insertComment(open);
        comments().insertComment(resolved);
        comments().insertComment(comment(pm, open.id(), T0.plusSeconds(3), "The one on title"));

        assertThat(comments().unresolvedThreads("acme", pm.id())).isEqualTo(1);
        assertThat(comments().unresolvedThreads("globex", pm.id())).isZero();
    }

    @Test
    void keepsAnEntryPerStoredVersionWithItsWriterAndNoneForAFailedOrEmptyWrite() {
        PostMortem original = postMortem().build();
        repository.insert(original);
        PostMortem second = repository.update("acme", original.id(), "bob@example.com",
                current -> retitled(current, "Second")).orElseThrow();
        repository.update("acme", original.id(), "bob@example.com", current -> current);
        assertThatThrownBy(() -> repository.update("acme", original.id(), "eve@example.com", current -> {
            retitled(current, "Lost");
            throw new IllegalStateException("refused");
        }));
        PostMortem third = repository.update("acme", original.id(), "carol@example.com",
                current -> current.approve("carol@example.com", T0.plusSeconds(60))).orElseThrow();

        assertThat(history().history("acme", original.id(), 1, 10)).containsExactly(
                new HistoryEntry(2, "bob@example.com", second.updatedAt(),
                        List.of(new FieldChange("title", original.content().title(), "Second"))),
                new HistoryEntry(3, "carol@example.com", third.updatedAt(),
                        List.of(new FieldChange("approvals/carol@example.com", null, third.approvals().get(0)))));
        assertThat(history().history("acme", original.id(), 2, 1)).extracting(HistoryEntry::version)
                .containsExactly(3L);
        assertThat(history().history("globex", original.id(), 1, 10)).isEmpty();

        repository.delete("acme", original.id(), current -> { });
        assertThat(history().history("acme", original.id(), 1, 10)).isEmpty();
    }

    @Test
    void keepsEveryKindOfValueAChangeHolds() {
        PostMortem original = postMortem().build();
        repository.insert(original);
        PostMortemContent c = original.content();
        PostMortem changed = original.edit(c.apply(PostMortemInput.builder().usersAffected(4321L)
                        .usersAffectedPercent(2.5).servicesAffected(List.of("search", "checkout"))
                        .incidentDate(java.time.LocalDate.of(2023, 2, 2)).timeZone("Asia/Tokyo")
                        .contributors(List.of("erin@example.com")).event("09:00", "Paged").build(), UUID::randomUUID),
                        T0.plusSeconds(60))
                .transitionTo(PostMortemStatus.IN_REVIEW, StatusWorkflow.reviewRequired(), "creator@example.com",
                        T0.plusSeconds(60));
        PostMortem stored = repository.update("acme", original.id(), "creator@example.com", current -> changed)
                .orElseThrow();
        stored = repository.update("acme", original.id(), "creator@example.com", current -> current.edit(
                current.content().apply(PostMortemInput.builder().actionItems(List.of()).build(), UUID::randomUUID),
                T0.plusSeconds(120))).orElseThrow();

        List<HistoryEntry> kept = history().history("acme", original.id(), 1, 10);
        assertThat(kept.get(0).changes()).isEqualTo(HistoryEntry.of(original, changed.withVersion(2), "x").changes());
        assertThat(kept.get(0).changes()).extracting(FieldChange::field).contains("usersAffected",
                "usersAffectedPercent", "servicesAffected", "incidentDate", "timeZone", "contributors", "status");
        assertThat(kept.get(1).changes()).hasSize(original.content().actionItems().size())
                .allSatisfy(change -> assertThat(change.after()).isNull());
        assertThat(kept.get(1).version()).isEqualTo(stored.version());
    }

    @Test
    void storesApprovalsAndTheVersionOfTheLastContentChange() {
        PostMortem original = postMortem().build();
        repository.insert(original);
        repository.update("acme", original.id(), "bob@example.com",
                current -> current.approve("bob@example.com", T0.plusSeconds(60)));
        PostMortem edited = repository.update("acme", original.id(), "creator@example.com",
                current -> retitled(current, "After the approval")).orElseThrow();

        PostMortem read = repository.find("acme", original.id()).orElseThrow();
        assertThat(read).isEqualTo(edited);
        assertThat(read.approvals()).extracting(Approval::approvedBy, Approval::version, Approval::approvedAt)
                .containsExactly(tuple("bob@example.com", 1L, T0.plusSeconds(60)));
        assertThat(read.contentVersion()).isEqualTo(3);
        assertThat(read.isStale(read.approvals().get(0))).isTrue();
    }

    @Test
    void deleteRemovesOnlyWhatTheCheckAccepts() {
        PostMortem original = postMortem().build();
        repository.insert(original);

        assertThatThrownBy(() -> repository.delete("acme", original.id(), current -> {
            throw new IllegalStateException("not deletable");
        })).hasMessage("not deletable");
        assertThat(repository.delete("globex", original.id(), current -> { })).isFalse();
        assertThat(repository.find("acme", original.id())).isPresent();

        assertThat(repository.delete("acme", original.id(), current -> assertThat(current).isEqualTo(original)))
                .isTrue();
        assertThat(repository.find("acme", original.id())).isEmpty();
        assertThat(repository.delete("acme", original.id(), current -> { })).isFalse();
        assertThat(list(ADMIN, 10, null).items()).isEmpty();
    }

    @Test
    void listsNewestFirstWithTiesBrokenByIdDescending() {
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-7000-8000-000000000001");
        repository.insert(postMortem().createdAt(T0).title("oldest").build());
        repository.insert(postMortem().id(low).createdAt(T0.plusSeconds(10)).title("tie low").build());
        repository.insert(postMortem().id(high).createdAt(T0.plusSeconds(10)).title("tie high").build());
        repository.insert(postMortem().createdAt(T0.plusSeconds(20)).title("newest").build());

        assertThat(list(ADMIN, 10, null).items()).extracting(PostMortemSummary::title)
                .containsExactly("newest", "tie high", "tie low", "oldest");
    }

    @Test
    void summariesCarryTheListedFields() {
        PostMortem stored = postMortem().status(PostMortemStatus.PUBLISHED).build();
        repository.insert(stored);

        PostMortemSummary summary = list(ADMIN, 10, null).items().get(0);
        assertThat(summary).isEqualTo(new PostMortemSummary(stored.id(), stored.content().incidentId(),
                stored.content().title(), stored.status(), stored.templateId(), stored.createdAt(), stored.createdBy(),
                stored.updatedAt(), stored.publishedAt(), stored.version(),
                new PostMortemSummary.ActionItemCounts(2, 0, 1)));
    }

    @Test
    void pagesCoverEveryRowOnceAndEndWithoutACursor() {
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            PostMortem pm = postMortem().createdAt(T0.plusSeconds(i % 7)).build();
            repository.insert(pm);
            all.add(pm.id());
        }
        List<UUID> seen = walk(ADMIN, 4);

        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(all);
    }

    @Test
    void pagingStaysCorrectWhileRowsAreInserted() {
        Set<UUID> before = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            PostMortem pm = postMortem().createdAt(T0.plusSeconds(i)).build();
            repository.insert(pm);
            before.add(pm.id());
        }
        List<UUID> seen = new ArrayList<>();
        ListPosition cursor = null;
        int inserted = 0;
        do {
            PostMortemPage page = list(ADMIN, 3, cursor);
            page.items().forEach(item -> seen.add(item.id()));
            cursor = page.next();
            // newer rows arrive while a reader pages through older ones
            repository.insert(postMortem().createdAt(T0.plusSeconds(100 + inserted++)).build());
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(before);
    }

    @Test
    void draftsAreVisibleOnlyToCreatorContributorsAndAdmins() {
        PostMortem draft = postMortem().status(PostMortemStatus.DRAFT).contributors("bob@example.com").build();
        PostMortem review = postMortem().status(PostMortemStatus.IN_REVIEW).createdAt(T0.plusSeconds(1)).build();
        repository.insert(draft);
        repository.insert(review);

        assertThat(ids(CREATOR)).containsExactly(review.id(), draft.id());
        assertThat(ids(Actor.user("CREATOR@example.com", "acme"))).containsExactly(review.id(), draft.id());
        assertThat(ids(Actor.user("Bob@Example.com", "acme"))).containsExactly(review.id(), draft.id());
        assertThat(ids(ADMIN)).containsExactly(review.id(), draft.id());
        assertThat(ids(OTHER)).containsExactly(review.id());
    }

    @Test
    void listingNeverCrossesTenants() {
        repository.insert(postMortem().tenant("globex").status(PostMortemStatus.PUBLISHED).build());
        PostMortem ours = postMortem().status(PostMortemStatus.PUBLISHED).build();
        repository.insert(ours);

        assertThat(ids(ADMIN)).containsExactly(ours.id());
        assertThat(ids(Actor.admin("admin@globex.com", "initech"))).isEmpty();
    }

    @Test
    void filtersByStatusesAndIncident() {
        PostMortem draft = postMortem().incidentId("INC-1").status(PostMortemStatus.DRAFT).build();
        PostMortem published = postMortem().incidentId("INC-2").status(PostMortemStatus.PUBLISHED)
                .createdAt(T0.plusSeconds(1)).build();
        PostMortem archived = postMortem().incidentId("INC-2").status(PostMortemStatus.ARCHIVED)
                .actionItems(List.of()).createdAt(T0.plusSeconds(2)).build();
        repository.insert(draft);
        repository.insert(published);
        repository.insert(archived);

        assertThat(query(ADMIN, Set.of(PostMortemStatus.PUBLISHED), null, null)).containsExactly(published.id());
        assertThat(query(ADMIN, Set.of(PostMortemStatus.PUBLISHED, PostMortemStatus.DRAFT), null, null))
                .containsExactly(published.id(), draft.id());
        assertThat(query(ADMIN, Set.of(), "INC-2", null)).containsExactly(archived.id(), published.id());
        assertThat(query(ADMIN, Set.of(PostMortemStatus.DRAFT), "INC-2", null)).isEmpty();
    }

    @Test
    void textSearchMatchesAllWordsInAnyTextFieldIgnoringCase() {
        PostMortem inTitle = postMortem().title("Replication lag on orders").summary("Nothing").impact(null)
                .rootCause(null).build();
        PostMortem inRootCause = postMortem().title("Outage").summary("Orders were slow").impact("Customers")
                .rootCause("Replication stopped").createdAt(T0.plusSeconds(1)).build();
        PostMortem neither = postMortem().title("Certificate expired").summary("TLS failed").impact("All users")
                .rootCause("Expiry not monitored").createdAt(T0.plusSeconds(2)).build();
        repository.insert(inTitle);
        repository.insert(inRootCause);
        repository.insert(neither);

        assertThat(query(ADMIN, Set.of(), null, "REPLICATION")).containsExactly(inRootCause.id(), inTitle.id());
        assertThat(query(ADMIN, Set.of(), null, "replication orders")).containsExactly(inRootCause.id(),
                inTitle.id());
        assertThat(query(ADMIN, Set.of(), null, "certificate")).containsExactly(neither.id());
        assertThat(query(ADMIN, Set.of(), null, "replication certificate")).isEmpty();
    }

    @Test
    void textSearchTreatsLikeAndSqlMetacharactersAsText() {
        repository.insert(postMortem().title("Plain title").summary("plain summary").build());

        for (String hostile : List.of("%", "_", "%_%", "!", "!%", "' OR 1=1 --", "\\", "*", "\"")) {
            assertThat(query(ADMIN, Set.of(), null, hostile)).as("q=%s", hostile).isEmpty();
        }
    }

    @Test
    void textSearchStaysWithinWhatTheViewerMaySee() {
        repository.insert(postMortem().title("Secret draft about payments").status(PostMortemStatus.DRAFT).build());

        assertThat(query(OTHER, Set.of(), null, "payments")).isEmpty();
        assertThat(query(CREATOR, Set.of(), null, "payments")).hasSize(1);
    }

    // ------------------------------------------------------------------------ helpers

    private static PostMortem retitled(PostMortem original, String title) {
        PostMortemContent c = original.content();
        return original.edit(c.apply(PostMortemInput.builder().title(title).build(), UUID::randomUUID),
                original.updatedAt().plusSeconds(1));
    }

    protected PostMortemPage list(Actor viewer, int limit, ListPosition after) {
        return repository.list(new PostMortemQuery(viewer, Set.of(), null, null, limit, after));
    }

    private List<UUID> ids(Actor viewer) {
        return query(viewer, Set.of(), null, null);
    }

    private List<UUID> query(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text) {
        return repository.list(new PostMortemQuery(viewer, statuses, incidentId, text, 100, null)).items().stream()
                .map(PostMortemSummary::id).toList();
    }

    private List<UUID> walk(Actor viewer, int pageSize) {
        List<UUID> seen = new ArrayList<>();
        ListPosition cursor = null;
        do {
            PostMortemPage page = list(viewer, pageSize, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            page.items().forEach(item -> seen.add(item.id()));
            cursor = page.next();
        } while (cursor != null);
        return seen;
    }
}

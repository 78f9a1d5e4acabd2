package dev.postmortem.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.access.NotAllowedException;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemNotFoundException;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.WorkflowViolationException;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Review comments in the core: threads, anchors, rights, the end of the review, paging and events. */
class ReviewCommentsTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor BOB = Actor.user("bob@example.com", "acme");
    private static final Actor DAVE = Actor.user("dave@example.com", "acme");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository())
            .clock(clock).events(events::add).build();

    private PostMortem inReview() {
        return service.create(CAROL, PostMortemInput.builder().incidentId("INC-1").title("Search slow")
                .summary("Search was slow.").impact("Searches took 9 s.").rootCause("An index was dropped.")
                .actionItem(ActionItemInput.of("Check indexes in CI", "bob@example.com", Priority.HIGH, null))
                .status(PostMortemStatus.IN_REVIEW).build());
    }

    private CommentView add(Actor actor, PostMortem pm, String body, String anchor, UUID inReplyTo) {
        clock.advance(Duration.ofSeconds(1));
        return service.addComment(actor, pm.id(), body, anchor, inReplyTo);
    }

    @Test
    void repliesJoinTheThreadOfWhatTheyAnswerAndTakeItsAnchor() {
        PostMortem pm = inReview();
        CommentView thread = add(BOB, pm, "Which index?", "rootCause", null);
        CommentView reply = add(CAROL, pm, "The one on title.", null, thread.comment().id());
        CommentView replyToReply = add(BOB, pm, "Thanks.", null, reply.comment().id());

        assertThat(reply.comment().inReplyTo()).isEqualTo(thread.comment().id());
        assertThat(replyToReply.comment().inReplyTo()).isEqualTo(thread.comment().id());
        assertThat(replyToReply.comment().anchor()).isEqualTo("rootCause");
        assertThatThrownBy(() -> add(BOB, pm, "Elsewhere", "impact", thread.comment().id()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("anchor"));
        assertThatThrownBy(() -> add(BOB, pm, "To nothing", null, UUID.randomUUID()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("inReplyTo"));
        assertThat(events).filteredOn(DomainEvent.CommentAdded.class::isInstance).hasSize(3);
    }

    @Test
    void aCommentOnAnElementStaysWhenTheElementIsRemovedMarkedAsSuch() {
        PostMortem pm = inReview();
        UUID item = pm.content().actionItems().get(0).id();
        CommentView onItem = add(BOB, pm, "Who owns CI?", "actionItems/" + item, null);
        assertThat(onItem.anchorRemoved()).isFalse();

        service.removeActionItem(CAROL, pm.id(), item, ExpectedVersion.any());

        CommentView after = service.comment(BOB, pm.id(), onItem.comment().id());
        assertThat(after.anchorRemoved()).isTrue();
        assertThat(after.comment().body()).isEqualTo("Who owns CI?");
        assertThatThrownBy(() -> add(BOB, pm, "Gone", "actionItems/" + item, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("anchor");
        assertThatThrownBy(() -> add(BOB, pm, "Bad", "summary/1", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> add(BOB, pm, " ", null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void authorsEditTheirOwnAndThreadsAreResolvedByTheirAuthorOrAnEditor() {
        PostMortem pm = inReview();
        CommentView thread = add(BOB, pm, "Which index?", "rootCause", null);
        CommentView reply = add(DAVE, pm, "Me too", null, thread.comment().id());

        assertThatThrownBy(() -> service.changeComment(CAROL, pm.id(), thread.comment().id(), "Edited", null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.changeComment(DAVE, pm.id(), thread.comment().id(), null, true))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.changeComment(DAVE, pm.id(), reply.comment().id(), null, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("resolved");

        clock.advance(Duration.ofMinutes(1));
        CommentView edited = service.changeComment(BOB, pm.id(), thread.comment().id(), "Which index, exactly?", null);
        assertThat(edited.comment().updatedAt()).isAfter(edited.comment().createdAt());
        CommentView resolved = service.changeComment(CAROL, pm.id(), thread.comment().id(), null, true);
        assertThat(resolved.comment().resolved()).isTrue();
        assertThat(resolved.comment().resolvedBy()).isEqualTo("carol@example.com");
        CommentView reopened = service.changeComment(BOB, pm.id(), thread.comment().id(), null, false);
        assertThat(reopened.comment().resolved()).isFalse();
        assertThat(reopened.comment().resolvedAt()).isNull();
        assertThat(events).filteredOn(DomainEvent.ThreadResolved.class::isInstance).hasSize(2);
    }

    @Test
    void aThreadWithRepliesIsNotDeletedAndOnlyAuthorsDelete() {
        PostMortem pm = inReview();
        CommentView thread = add(BOB, pm, "Which index?", null, null);
        CommentView reply = add(CAROL, pm, "Title", null, thread.comment().id());

        assertThatThrownBy(() -> service.deleteComment(BOB, pm.id(), thread.comment().id()))
                .isInstanceOf(CommentHasRepliesException.class);
        assertThatThrownBy(() -> service.deleteComment(BOB, pm.id(), reply.comment().id()))
                .isInstanceOf(NotAllowedException.class);
        service.deleteComment(CAROL, pm.id(), reply.comment().id());
        service.deleteComment(BOB, pm.id(), thread.comment().id());

        assertThat(service.comments(BOB, pm.id(), null, null).items()).isEmpty();
        assertThatThrownBy(() -> service.comment(BOB, pm.id(), thread.comment().id()))
                .isInstanceOf(CommentNotFoundException.class);
    }

    @Test
    void commentsAreReadOnlyOncePublishedAndHiddenWithTheirDraft() {
        PostMortem pm = inReview();
        CommentView thread = add(BOB, pm, "Looks good", null, null);
        service.transition(CAROL, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.any());

        assertThatThrownBy(() -> add(BOB, pm, "Late", null, null)).isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.changeComment(BOB, pm.id(), thread.comment().id(), null, true))
                .isInstanceOf(WorkflowViolationException.class);
        assertThatThrownBy(() -> service.deleteComment(BOB, pm.id(), thread.comment().id()))
                .isInstanceOf(WorkflowViolationException.class);
        assertThat(service.comments(DAVE, pm.id(), null, null).items()).hasSize(1);

        PostMortem draft = service.create(CAROL, PostMortemInput.builder().incidentId("INC-2").title("Private")
                .summary("x").build());
        assertThatThrownBy(() -> service.addComment(DAVE, draft.id(), "Peek", null, null))
                .isInstanceOf(PostMortemNotFoundException.class);
        assertThatThrownBy(() -> service.comments(DAVE, draft.id(), null, null))
                .isInstanceOf(PostMortemNotFoundException.class);
    }

    @Test
    void pagesRunOldestFirstWithAnOpaqueCursor() {
        PostMortem pm = inReview();
        for (int i = 0; i < 5; i++) {
            add(BOB, pm, "Comment " + i, null, null);
        }

        CommentPage first = service.comments(CAROL, pm.id(), 2, null);
        CommentPage second = service.comments(CAROL, pm.id(), 2, first.nextCursor());
        CommentPage last = service.comments(CAROL, pm.id(), 2, second.nextCursor());

        assertThat(List.of(first, second, last)).flatExtracting(CommentPage::items)
                .extracting(view -> view.comment().body())
                .containsExactly("Comment 0", "Comment 1", "Comment 2", "Comment 3", "Comment 4");
        assertThat(last.nextCursor()).isNull();
        assertThatThrownBy(() -> service.comments(CAROL, pm.id(), 2, "bm90LWEtY3Vyc29y"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    }
}

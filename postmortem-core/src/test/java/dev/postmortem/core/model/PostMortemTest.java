package dev.postmortem.core.model;

import static dev.postmortem.core.workflow.PostMortemStatus.ARCHIVED;
import static dev.postmortem.core.workflow.PostMortemStatus.DRAFT;
import static dev.postmortem.core.workflow.PostMortemStatus.IN_REVIEW;
import static dev.postmortem.core.workflow.PostMortemStatus.PUBLISHED;
import static dev.postmortem.testing.PostMortems.postMortem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.StatusWorkflow;
import dev.postmortem.core.workflow.WorkflowViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostMortemTest {

    private static final Instant LATER = Instant.parse("2024-01-16T10:00:00Z");
    private static final StatusWorkflow WORKFLOW = StatusWorkflow.reviewRequired();

    @ParameterizedTest
    @EnumSource(value = PostMortemStatus.class, names = {"DRAFT", "IN_REVIEW"})
    void draftsAndReviewsAcceptAnyContentChange(PostMortemStatus status) {
        PostMortem pm = postMortem().status(status).build();

        PostMortem edited = pm.edit(retitled(pm.content(), "Better title"), LATER);

        assertThat(edited.content().title()).isEqualTo("Better title");
        assertThat(edited.updatedAt()).isEqualTo(LATER);
        assertThat(edited.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = PostMortemStatus.class, names = {"PUBLISHED", "ARCHIVED"})
    void publishedAndArchivedRefuseTextChangesNamingTheField(PostMortemStatus status) {
        PostMortem pm = postMortem().status(status).build();

        assertThatThrownBy(() -> pm.edit(retitled(pm.content(), "Rewritten history"), LATER))
                .isInstanceOf(WorkflowViolationException.class)
                .hasMessageContaining(status.name())
                .hasMessageContaining("title");
    }

    @Test
    void publishedAcceptsActionItemStatusChangesOnly() {
        PostMortem pm = postMortem().status(PUBLISHED).build();
        ActionItem first = pm.content().actionItems().get(0);

        PostMortem done = pm.edit(withItems(pm.content(), replaceFirst(pm.content(), first.withStatus(
                ActionItemStatus.DONE))), LATER);
        assertThat(done.content().actionItems().get(0).status()).isEqualTo(ActionItemStatus.DONE);

        ActionItem reworded = new ActionItem(first.id(), "Reworded", first.owner(), first.status(), first.priority(),
                first.dueDate());
        assertThatThrownBy(() -> pm.edit(withItems(pm.content(), replaceFirst(pm.content(), reworded)), LATER))
                .isInstanceOf(WorkflowViolationException.class)
                .hasMessage("The post-mortem is PUBLISHED: only the status of action items may change, not their"
                        + " other fields.");
        assertThatThrownBy(() -> pm.edit(withItems(pm.content(), List.of(first)), LATER))
                .as("removing an item").isInstanceOf(WorkflowViolationException.class);
    }

    @Test
    void archivedRefusesEvenActionItemStatusChanges() {
        PostMortem pm = postMortem().status(ARCHIVED).build();
        ActionItem first = pm.content().actionItems().get(0);

        assertThatThrownBy(() -> pm.edit(withItems(pm.content(), replaceFirst(pm.content(),
                first.withStatus(ActionItemStatus.DONE))), LATER))
                .isInstanceOf(WorkflowViolationException.class)
                .hasMessageContaining("ARCHIVED and read-only");
    }

    @Test
    void anEditThatChangesNothingIsAcceptedInEveryStatus() {
        for (PostMortemStatus status : PostMortemStatus.values()) {
            PostMortem pm = postMortem().status(status).build();
            assertThat(pm.edit(pm.content(), LATER)).isSameAs(pm);
        }
    }

    @Test
    void publishingStampsPublishedAtOnceAndRecordsHistory() {
        PostMortem review = postMortem().status(IN_REVIEW).build();

        PostMortem published = review.transitionTo(PUBLISHED, WORKFLOW, "lead@example.com", LATER);

        assertThat(published.publishedAt()).isEqualTo(LATER);
        assertThat(published.statusHistory()).last()
                .isEqualTo(new StatusChange(IN_REVIEW, PUBLISHED, "lead@example.com", LATER));
        PostMortem allDone = published.edit(withItems(published.content(), published.content().actionItems().stream()
                .map(item -> item.withStatus(ActionItemStatus.DONE)).toList()), LATER.plusSeconds(5));
        PostMortem archived = allDone.transitionTo(ARCHIVED, WORKFLOW, "lead@example.com", LATER.plusSeconds(10));
        assertThat(archived.publishedAt()).as("kept when archived").isEqualTo(LATER);
    }

    @Test
    void archivingWithOpenItemsIsRefusedNamingThem() {
        PostMortem pm = postMortem().status(PUBLISHED).build();

        assertThatThrownBy(() -> pm.transitionTo(ARCHIVED, WORKFLOW, "lead@example.com", LATER))
                .isInstanceOf(WorkflowViolationException.class)
                .hasMessage("Cannot archive while 2 action item(s) are not DONE: \"Add pool monitoring\" (TODO),"
                        + " \"Write runbook\" (IN_PROGRESS).");
    }

    @Test
    void archivingWithoutActionItemsIsAllowed() {
        PostMortem pm = postMortem().status(PUBLISHED).actionItems(List.of()).build();

        assertThat(pm.transitionTo(ARCHIVED, WORKFLOW, "lead@example.com", LATER).status()).isEqualTo(ARCHIVED);
    }

    @Test
    void onlyDraftsAndReviewsCanBeDeleted() {
        assertThatCode(() -> postMortem().status(DRAFT).build().checkDeletable()).doesNotThrowAnyException();
        assertThatCode(() -> postMortem().status(IN_REVIEW).build().checkDeletable()).doesNotThrowAnyException();
        assertThatThrownBy(() -> postMortem().status(PUBLISHED).build().checkDeletable())
                .isInstanceOf(WorkflowViolationException.class).hasMessageContaining("archive it instead");
        assertThatThrownBy(() -> postMortem().status(ARCHIVED).build().checkDeletable())
                .isInstanceOf(WorkflowViolationException.class);
    }

    @Test
    void startRefusesAStatusOtherThanDraftOrReview() {
        PostMortem template = postMortem().build();
        assertThatThrownBy(() -> PostMortem.start(UUID.randomUUID(), "acme", null, template.content(), PUBLISHED,
                StatusWorkflow.reviewOptional(), "a@example.com", LATER))
                .isInstanceOf(WorkflowViolationException.class);
        PostMortem started = PostMortem.start(UUID.randomUUID(), "acme", null, template.content(), IN_REVIEW,
                WORKFLOW, "a@example.com", LATER);
        assertThat(started.version()).isEqualTo(1);
        assertThat(started.statusHistory()).containsExactly(new StatusChange(null, IN_REVIEW, "a@example.com", LATER));
    }

    @Test
    void timelineIsSortedWithTiesInInsertionOrder() {
        List<TimelineEvent> events = List.of(
                event("14:40", "third"), event("14:35", "first"), event("14:35:00", "second (same instant)"),
                event("09:00", "zeroth"));
        PostMortemContent content = withTimeline(postMortem().build().content(), events);

        assertThat(content.timeline()).extracting(TimelineEvent::description)
                .containsExactly("zeroth", "first", "second (same instant)", "third");
    }

    static TimelineEvent event(String time, String description) {
        return new TimelineEvent(UUID.randomUUID(), TimelineTime.parse(time), description);
    }

    private static List<ActionItem> replaceFirst(PostMortemContent content, ActionItem replacement) {
        List<ActionItem> items = new ArrayList<>(content.actionItems());
        items.set(0, replacement);
        return items;
    }

    static PostMortemContent retitled(PostMortemContent c, String title) {
        return c.apply(PostMortemInput.builder().title(title).build(), UUID::randomUUID);
    }

    static PostMortemContent withItems(PostMortemContent c, List<ActionItem> items) {
        return c.withActionItems(items);
    }

    static PostMortemContent withTimeline(PostMortemContent c, List<TimelineEvent> events) {
        return c.withTimeline(events);
    }
}

package dev.postmortem.core.workflow;

import static dev.postmortem.core.workflow.PostMortemStatus.ARCHIVED;
import static dev.postmortem.core.workflow.PostMortemStatus.DRAFT;
import static dev.postmortem.core.workflow.PostMortemStatus.IN_REVIEW;
import static dev.postmortem.core.workflow.PostMortemStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusWorkflowTest {

    /** The spec's arrows, written out by hand so the test does not restate the code. */
    private static final Set<List<PostMortemStatus>> ALLOWED_WITH_REVIEW = Set.of(
            List.of(DRAFT, IN_REVIEW), List.of(IN_REVIEW, DRAFT), List.of(IN_REVIEW, PUBLISHED),
            List.of(PUBLISHED, ARCHIVED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (PostMortemStatus from : PostMortemStatus.values()) {
            for (PostMortemStatus to : PostMortemStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} with review required")
    @MethodSource("everyPair")
    void withReviewRequiredOnlyTheSpecsArrowsAreAllowed(PostMortemStatus from, PostMortemStatus to) {
        StatusWorkflow workflow = StatusWorkflow.reviewRequired();
        if (ALLOWED_WITH_REVIEW.contains(List.of(from, to))) {
            assertThatCode(() -> workflow.checkTransition(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> workflow.checkTransition(from, to))
                    .isInstanceOf(WorkflowViolationException.class)
                    .hasMessageContaining(from.name())
                    .satisfies(e -> assertThat(((WorkflowViolationException) e).allowedTransitions())
                            .isEqualTo(workflow.allowedFrom(from)));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} with review optional")
    @MethodSource("everyPair")
    void withReviewOptionalADraftMayAlsoBePublished(PostMortemStatus from, PostMortemStatus to) {
        StatusWorkflow workflow = StatusWorkflow.reviewOptional();
        boolean allowed = ALLOWED_WITH_REVIEW.contains(List.of(from, to)) || (from == DRAFT && to == PUBLISHED);
        if (allowed) {
            assertThatCode(() -> workflow.checkTransition(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> workflow.checkTransition(from, to))
                    .isInstanceOf(WorkflowViolationException.class);
        }
    }

    @Test
    void refusalNamesTheAllowedTransitions() {
        assertThatThrownBy(() -> StatusWorkflow.reviewRequired().checkTransition(IN_REVIEW, ARCHIVED))
                .hasMessage("A post-mortem cannot move from IN_REVIEW to ARCHIVED. Allowed now: DRAFT, PUBLISHED.");
        assertThatThrownBy(() -> StatusWorkflow.reviewRequired().checkTransition(DRAFT, PUBLISHED))
                .hasMessageContaining("Review is required")
                .hasMessageContaining("Allowed now: IN_REVIEW.");
        assertThatThrownBy(() -> StatusWorkflow.reviewRequired().checkTransition(ARCHIVED, DRAFT))
                .hasMessageContaining("No further transition is possible.");
    }

    @Test
    void postMortemsStartAsDraftOrInReviewOnly() {
        StatusWorkflow workflow = StatusWorkflow.reviewOptional();
        assertThatCode(() -> workflow.checkInitial(DRAFT)).doesNotThrowAnyException();
        assertThatCode(() -> workflow.checkInitial(IN_REVIEW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> workflow.checkInitial(PUBLISHED)).isInstanceOf(WorkflowViolationException.class)
                .hasMessageContaining("create it as DRAFT or IN_REVIEW");
        assertThatThrownBy(() -> workflow.checkInitial(ARCHIVED)).isInstanceOf(WorkflowViolationException.class);
    }

    @Test
    void eachStatusDecidesWhatMayChange() {
        assertThat(DRAFT.allowsContentEdits()).isTrue();
        assertThat(IN_REVIEW.allowsContentEdits()).isTrue();
        assertThat(PUBLISHED.allowsContentEdits()).isFalse();
        assertThat(ARCHIVED.allowsContentEdits()).isFalse();
        assertThat(PUBLISHED.allowsActionItemStatusEdits()).isTrue();
        assertThat(ARCHIVED.allowsActionItemStatusEdits()).isFalse();
        assertThat(List.of(PostMortemStatus.values())).filteredOn(PostMortemStatus::allowsDeletion)
                .containsExactly(DRAFT, IN_REVIEW);
        assertThat(List.of(PostMortemStatus.values())).filteredOn(PostMortemStatus::isPrivate).containsExactly(DRAFT);
    }
}

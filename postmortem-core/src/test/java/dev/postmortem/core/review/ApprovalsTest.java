package dev.postmortem.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.postmortem.AccessDeniedException;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.WorkflowViolationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor BOB = Actor.user("bob@example.com", "acme");
    private static final Actor DAVE = Actor.user("dave@example.com", "acme");
    private static final Actor ADMIN = Actor.admin("admin@example.com", "acme");

    private static PostMortemInput inReview() {
        return PostMortemInput.builder().incidentId("INC-7").title("Cache stampede")
                .summary("The cache expired everywhere at once.").impact("Search was slow for ten minutes.")
                .rootCause("Every key had the same expiry.").status(PostMortemStatus.IN_REVIEW).build();
    }

    private static PostMortem publish(PostMortemService service, Actor actor, UUID id) {
        return service.transition(actor, id, PostMortemStatus.PUBLISHED, ExpectedVersion.any());
    }

    @Test
    void withoutRequiredApprovalsTheCreatorPublishesAsBefore() {
        PostMortemService service = new ServiceFixture().service;
        PostMortem pm = service.create(CAROL, inReview());

        assertThat(publish(service, CAROL, pm.id()).status()).isEqualTo(PostMortemStatus.PUBLISHED);
    }

    @Test
    void twoRequiredApprovalsCountOnlyCurrentOnesAndNameWhatIsMissing() {
        ServiceFixture fixture = new ServiceFixture(true, new ApprovalPolicy(2, false, false));
        PostMortemService service = fixture.service;
        PostMortem pm = service.create(CAROL, inReview());

        assertThatThrownBy(() -> service.approve(CAROL, pm.id(), ExpectedVersion.any()))
                .isInstanceOf(AccessDeniedException.class);
        service.approve(BOB, pm.id(), ExpectedVersion.of(1));
        service.update(CAROL, pm.id(), PostMortemInput.builder().summary("Rewritten").build(), ExpectedVersion.any());
        PostMortem approved = service.approve(DAVE, pm.id(), ExpectedVersion.any());

        assertThat(approved.approvals()).extracting(Approval::approvedBy).containsExactly(BOB.id(), DAVE.id());
        assertThat(approved.currentApprovals()).extracting(Approval::approvedBy).containsExactly(DAVE.id());
        assertThatThrownBy(() -> publish(service, CAROL, pm.id()))
                .isInstanceOfSatisfying(ApprovalsMissingException.class, missing -> {
                    assertThat(missing.currentApprovals()).containsExactly(DAVE.id());
                    assertThat(missing.staleApprovals()).containsExactly(BOB.id());
                    assertThat(missing.getMessage()).contains("2 current approval(s) are required, 1 given",
                            "stale after a later change: bob@example.com");
                });
        assertThatThrownBy(() -> publish(service, ADMIN, pm.id())).isInstanceOf(ApprovalsMissingException.class);

        service.approve(BOB, pm.id(), ExpectedVersion.any());
        assertThat(publish(service, CAROL, pm.id()).status()).isEqualTo(PostMortemStatus.PUBLISHED);
        assertThat(fixture.eventsOf(DomainEvent.PostMortemApproved.class)).extracting(DomainEvent::actorId)
                .containsExactly(BOB.id(), DAVE.id(), BOB.id());
        assertThatThrownBy(() -> service.approve(DAVE, pm.id(), ExpectedVersion.any()))
                .isInstanceOf(WorkflowViolationException.class);
    }

    @Test
    void unresolvedThreadsBlockUnlessAnAdminMayPublishWithout() {
        PostMortemService service = new ServiceFixture(true, new ApprovalPolicy(0, true, true)).service;
        PostMortem pm = service.create(CAROL, inReview());
        service.addComment(BOB, pm.id(), "Which alert fired first?", "summary", null);

        assertThatThrownBy(() -> publish(service, CAROL, pm.id()))
                .isInstanceOfSatisfying(ApprovalsMissingException.class, missing -> {
                    assertThat(missing.unresolvedThreads()).isEqualTo(1);
                    assertThat(missing.getMessage()).isEqualTo("Cannot publish yet: 1 comment thread(s) are not"
                            + " resolved.");
                });
        assertThat(publish(service, ADMIN, pm.id()).status()).isEqualTo(PostMortemStatus.PUBLISHED);
    }

    @Test
    void aHostAsksForAtMostTwentyApprovals() {
        assertThatThrownBy(() -> new ApprovalPolicy(21, false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalPolicy(-1, false, false)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.postmortem.core.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.port.StorageUnavailableException;
import dev.postmortem.core.port.UseCaseTimer;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.testing.DelegatingRepository;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.SpecExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every use case reports its name, how it ended and a duration, whether it succeeded, was refused or failed. */
class UseCaseTimerTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor BOB = Actor.user("bob@example.com", "acme");

    private record Recorded(String useCase, UseCaseTimer.Outcome outcome, long nanos) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private boolean storageDown;
    private final PostMortemService service = PostMortemService.builder(
                    new DelegatingRepository(new InMemoryPostMortemRepository()) {
                        @Override
                        public Optional<PostMortem> update(String tenantId, UUID id, String changedBy, UnaryOperator<PostMortem> change) {
                            if (storageDown) {
                                throw new StorageUnavailableException("disk full", null);
                            }
                            return super.update(tenantId, id, changedBy, change);
                        }
                    })
            .useCaseTimer((useCase, outcome, nanos) -> recorded.add(new Recorded(useCase, outcome, nanos)))
            .build();

    @Test
    void reportsEachUseCaseWithHowItEnded() {
        PostMortem created = service.create(CAROL, SpecExample.command());
        service.get(CAROL, created.id());
        assertThatThrownBy(() -> service.get(BOB, created.id())).isInstanceOf(PostMortemNotFoundException.class);
        service.addActionItem(CAROL, created.id(), ActionItemInput.of("Alert earlier", null, null, null),
                ExpectedVersion.any());
        storageDown = true;
        assertThatThrownBy(() -> service.transition(CAROL, created.id(), PostMortemStatus.IN_REVIEW,
                ExpectedVersion.any())).isInstanceOf(StorageUnavailableException.class);

        assertThat(recorded).extracting(Recorded::useCase, Recorded::outcome).containsExactly(
                tuple("create", UseCaseTimer.Outcome.SUCCESS),
                tuple("get", UseCaseTimer.Outcome.SUCCESS),
                tuple("get", UseCaseTimer.Outcome.REFUSED),
                tuple("add-action-item", UseCaseTimer.Outcome.SUCCESS),
                tuple("transition", UseCaseTimer.Outcome.FAILED));
        assertThat(recorded).allSatisfy(call -> assertThat(call.nanos()).isPositive());
    }
}

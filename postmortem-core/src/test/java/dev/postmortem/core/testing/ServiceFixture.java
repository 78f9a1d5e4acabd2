package dev.postmortem.core.testing;

import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.MutableClock;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.review.ApprovalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service on the in-memory repository, a hand-moved clock and a recording event publisher. */
public final class ServiceFixture {

    public final InMemoryPostMortemRepository repository = new InMemoryPostMortemRepository();
    public final MutableClock clock = new MutableClock(Instant.parse("2024-01-15T16:00:00Z"));
    public final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    public final PostMortemService service;

    public ServiceFixture(boolean requireReview) {
        this(requireReview, ApprovalPolicy.NONE);
    }

    public ServiceFixture(boolean requireReview, ApprovalPolicy approvals) {
        service = PostMortemService.builder(repository).clock(clock).events(events::add)
                .requireReview(requireReview).approvals(approvals).build();
    }

    public ServiceFixture() {
        this(true);
    }

    public void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    public <T extends DomainEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

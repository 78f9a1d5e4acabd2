package dev.postmortem.core.followup;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Limits;
import dev.postmortem.core.model.PlainText;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.port.UseCaseTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Following action items through: every item the caller may see across post-mortems, and the
 * reminders of items that are overdue or due soon.
 */
public final class FollowUpService {

    /** The page size of a list that names none. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** What {@code owner} is for the caller themselves. */
    public static final String ME = "me";

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpService.class);

    private final ActionItemRepository repository;
    private final TenantTimeZones zones;
    private final Clock clock;
    private final DomainEventPublisher events;
    private final UseCaseTimer timer;
    private final int reminderLeadDays;

    private FollowUpService(Builder builder) {
        this.repository = builder.repository;
        this.zones = builder.zones;
        this.clock = builder.clock;
        this.events = builder.events;
        this.timer = builder.timer;
        this.reminderLeadDays = builder.reminderLeadDays;
    }

    public static Builder builder(ActionItemRepository repository) {
        return new Builder(repository);
    }

    /** Today in {@code tenantId}'s zone: the day items become overdue on. */
    public LocalDate today(String tenantId) {
        return LocalDate.ofInstant(clock.instant(), zones.zoneOf(tenantId));
    }

    /** One page of the action items {@code actor} may see, as {@code filters} asks. */
    public ActionItemList list(Actor actor, ActionItemFilters filters) {
        return timed("list-action-items", () -> {
            Objects.requireNonNull(actor, "actor");
            int limit = filters.limit() == null ? DEFAULT_LIMIT : filters.limit();
            List<FieldError> errors = new ArrayList<>();
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
            }
            text("owner", filters.owner(), Limits.OWNER, errors);
            text("incidentId", filters.incidentId(), Limits.INCIDENT_ID, errors);
            text("q", filters.q(), Limits.SEARCH_TEXT, errors);
            if (filters.dueBefore() != null && filters.dueAfter() != null
                    && !filters.dueAfter().isBefore(filters.dueBefore())) {
                errors.add(new FieldError("dueAfter", "must be before dueBefore"));
            }
            ActionItemPosition after = null;
            if (filters.cursor() != null && !filters.cursor().isEmpty()) {
                after = ActionItemCursor.decode(filters.cursor(), errors);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            String owner = blankToNull(filters.owner());
            if (ME.equalsIgnoreCase(owner)) {
                owner = actor.id();
            }
            ActionItemPage page = repository.list(new ActionItemQuery(actor,
                    owner == null ? null : owner.toLowerCase(Locale.ROOT), filters.statuses(), filters.priority(),
                    filters.overdue(), today(actor.tenantId()), filters.dueBefore(), filters.dueAfter(),
                    filters.postMortemStatuses(), blankToNull(filters.incidentId()),
                    blankToNull(filters.q()) == null ? null : filters.q().strip(), limit, after));
            return new ActionItemList(page.items(), page.next() == null ? null : ActionItemCursor.encode(page.next()));
        });
    }

    /**
     * Publishes one {@link DomainEvent.ActionItemOverdue} for each item that is overdue, or due
     * within the lead time, today in its tenant's zone, and was not reminded of today yet (by
     * this node or another: the repository records each item and day once). Returns how many
     * it published. Items of every tenant: a job of the operator, not of a user.
     */
    public int remind() {
        return timed("remind-action-items", () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            // the latest "today + lead" of any zone bounds the query; each item is judged in its own
            LocalDate end = LocalDate.ofInstant(now.plus(Duration.ofDays(1)), ZoneId.of("UTC"))
                    .plusDays(reminderLeadDays + 1L);
            int published = 0;
            for (FollowUpItem due : repository.openItemsDueBefore(end)) {
                LocalDate today = today(due.tenantId());
                boolean overdue = due.item().isOverdue(today);
                boolean soon = !overdue && !due.item().dueDate().isAfter(today.plusDays(reminderLeadDays));
                if ((overdue || (soon && reminderLeadDays > 0)) && repository.recordReminder(due.item().id(), today)) {
                    publish(new DomainEvent.ActionItemOverdue(due.postMortem().id(), due.tenantId(),
                            due.postMortem().title(), due.item(), today, overdue, DomainEvent.REMINDERS, now));
                    published++;
                }
            }
            return published;
        });
    }

    private void publish(DomainEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            // recorded as sent: a listener that fails is the host's to fix, and sending it again
            // tomorrow is what a reminder does anyway
            LOG.warn("A listener failed on {} of action item {}: {}", event.getClass().getSimpleName(),
                    ((DomainEvent.ActionItemOverdue) event).item().id(), e.toString());
        }
    }

    private static void text(String name, String value, int maxLength, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
        }
        String problem = PlainText.problem(value);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private <T> T timed(String useCase, Supplier<T> work) {
        long start = System.nanoTime();
        UseCaseTimer.Outcome outcome = UseCaseTimer.Outcome.FAILED;
        try {
            T result = work.get();
            outcome = UseCaseTimer.Outcome.SUCCESS;
            return result;
        } catch (InvalidInputException e) {
            outcome = UseCaseTimer.Outcome.REFUSED;
            throw e;
        } finally {
            timer.record(useCase, outcome, System.nanoTime() - start);
        }
    }

    /** Wires the service; only the repository is required. */
    public static final class Builder {
        private final ActionItemRepository repository;
        private TenantTimeZones zones = TenantTimeZones.utc();
        private Clock clock = Clock.systemUTC();
        private DomainEventPublisher events = DomainEventPublisher.none();
        private UseCaseTimer timer = UseCaseTimer.none();
        private int reminderLeadDays;

        private Builder(ActionItemRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        public Builder timeZones(TenantTimeZones value) {
            zones = Objects.requireNonNull(value, "timeZones");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder events(DomainEventPublisher value) {
            events = Objects.requireNonNull(value, "events");
            return this;
        }

        public Builder useCaseTimer(UseCaseTimer value) {
            timer = Objects.requireNonNull(value, "useCaseTimer");
            return this;
        }

        /** Remind of items due within this many days too, not only of overdue ones; default 0. */
        public Builder reminderLeadDays(int days) {
            if (days < 0 || days > 365) {
                throw new IllegalArgumentException("reminderLeadDays must be from 0 to 365");
            }
            reminderLeadDays = days;
            return this;
        }

        public FollowUpService build() {
            return new FollowUpService(this);
        }
    }
}

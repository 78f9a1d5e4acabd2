package dev.postmortem.spring;

import dev.postmortem.core.postmortem.PostMortemService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the action item reminders on a thread of its own while the context runs, the first time a
 * minute after start-up: each overdue item becomes one {@code DomainEvent.ActionItemOverdue}
 * application event a day, however many nodes run this (the database records each item and
 * day once). A failed run is logged; the next one tries again.
 */
public final class PostMortemReminders implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemReminders.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final PostMortemService service;
    private final Duration interval;
    private ScheduledExecutorService executor; // null while stopped

    PostMortemReminders(PostMortemService service, Duration interval) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("postmortem.followup.reminders.interval must be a minute or more, not "
                    + interval);
        }
        this.service = service;
        this.interval = interval;
    }

    /** One run now: what the schedule does, for a host that wants to trigger it itself. */
    public int runOnce() {
        return service.followUp().map(followUp -> followUp.remind()).orElse(0);
    }

    @Override
    public synchronized void start() {
        if (service.followUp().isEmpty()) {
            LOG.info("The repository does not list action items across post-mortems: no reminders");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postmortem-reminders");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                LOG.info("Action item reminders: {} published", runOnce());
            } catch (RuntimeException e) {
                LOG.warn("Action item reminders failed; next run in {}", interval, e);
            }
        }, FIRST_RUN.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

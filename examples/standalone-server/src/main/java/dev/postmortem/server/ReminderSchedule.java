package dev.postmortem.server;

import dev.postmortem.core.followup.FollowUpService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the action item reminders every {@code POSTMORTEM_REMINDER_INTERVAL}, the first time a
 * minute after start-up. A run that fails is logged and the next one tries again; running twice
 * a day publishes nothing new, since each item is reminded of once a day.
 */
final class ReminderSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "postmortem-reminders");
        thread.setDaemon(true);
        return thread;
    });

    ReminderSchedule(FollowUpService followUp, Duration interval) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                int sent = followUp.remind();
                LOG.info("Action item reminders: {} published", sent);
            } catch (RuntimeException e) {
                LOG.warn("Action item reminders failed; next run in {}", interval, e);
            }
        }, FIRST_RUN.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

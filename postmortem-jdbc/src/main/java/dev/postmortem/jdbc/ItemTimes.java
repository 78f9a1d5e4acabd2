package dev.postmortem.jdbc;

import dev.postmortem.core.model.ActionItem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * When an action item was created and done, as its {@code pm_action_item} row keeps them for
 * the insights (the document does not hold them). Either may be {@code null} for items stored
 * before V9: their completion was not recorded.
 */
record ItemTimes(Instant createdAt, Instant doneAt, boolean wasDone) {

    /** The times of a post-mortem's item rows, by item id, before a write replaces them. */
    static Map<UUID, ItemTimes> of(Handle handle, UUID postMortemId) {
        Map<UUID, ItemTimes> times = new HashMap<>();
        handle.createQuery("SELECT id, created_at, done_at, status FROM pm_action_item WHERE post_mortem_id = :id")
                .bind("id", postMortemId)
                .map((rs, ctx) -> times.put(SqlValues.uuid(rs, 1),
                        new ItemTimes(SqlValues.instant(rs, 2), SqlValues.instant(rs, 3), "DONE".equals(rs.getString(4)))))
                .list();
        return times;
    }

    /** The times of {@code item} as written at {@code now}, given its row's times before (or {@code null} if new). */
    static ItemTimes after(ItemTimes before, ActionItem item, Instant now) {
        if (before == null) {
            return new ItemTimes(now, item.isDone() ? now : null, item.isDone());
        }
        if (!item.isDone()) {
            return new ItemTimes(before.createdAt(), null, false);
        }
        // done already: when stays as recorded (unknown for items done before V9)
        return new ItemTimes(before.createdAt(), before.wasDone() ? before.doneAt() : now, true);
    }

    /** From creation to done, when both are known. */
    Long timeToDoneSeconds() {
        return createdAt == null || doneAt == null ? null : Duration.between(createdAt, doneAt).getSeconds();
    }
}

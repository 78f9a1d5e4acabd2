package dev.postmortem.server;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * When a write fails (a full disk), the embedded H2 closes its database, and every pooled
 * connection to it answers "database has been closed" (90098) from then on, though Hikari
 * keeps them. Evicting each such connection lets H2 reopen the file on the next connection
 * once none is left, so the server recovers by itself when space returns.
 */
final class EvictWhenH2Closes implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "90098".equals(sql.getSQLState())
                    || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}

package dev.postmortem.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Reads Flyway's history table for our migrations with one query, to tell whether the schema
 * is already at the newest migration this jar ships. Then starting needs no Flyway run: Flyway
 * scans the jar for migrations, loads its database plugins and validates the history, which
 * costs a third of the standalone server's start-up and would change nothing.
 */
final class SchemaHistory {

    private SchemaHistory() {
    }

    /**
     * True only when the history table exists in the connection's schema, every migration in it
     * succeeded and the newest is {@code latest}. Anything else (no table, a failed migration, an
     * older schema, a newer one written by a later release) is Flyway's to migrate or report.
     */
    static boolean isAt(Connection connection, MigrationVersion latest) throws SQLException {
        if (!historyTableExists(connection)) {
            return false;
        }
        boolean reachedLatest = false;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \""
                     + PostMortemSchema.HISTORY_TABLE + "\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (version != null) {
                    int comparison = MigrationVersion.fromVersion(version).compareTo(latest);
                    if (comparison > 0) {
                        return false;
                    }
                    reachedLatest |= comparison == 0;
                }
            }
        }
        return reachedLatest;
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // getTables takes a LIKE pattern, in which '_' would match any character
        String pattern = PostMortemSchema.HISTORY_TABLE.replace("_", metaData.getSearchStringEscape() + "_");
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), pattern,
                new String[] {"TABLE", "BASE TABLE"})) {
            return tables.next();
        }
    }
}

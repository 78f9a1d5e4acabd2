package dev.postmortem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the {@code pm_} tables with Flyway, from the SQL files shipped in this
 * jar ({@code dev/postmortem/jdbc/migration/h2} and {@code .../postgresql}). It keeps its own
 * history table, {@code pm_schema_history}, so it never meets the host's own Flyway, and it
 * starts on a schema that already holds the host's tables. Hosts that run migrations with
 * their own tooling can apply the same files and never call this. When the history already
 * shows the newest migration applied, Flyway is not started at all ({@link SchemaHistory}).
 */
public final class PostMortemSchema {

    /** Flyway's history table for our migrations only. */
    public static final String HISTORY_TABLE = "pm_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemSchema.class);

    private PostMortemSchema() {
    }

    /**
     * The newest migration in {@code dev/postmortem/jdbc/migration/*}; raise it with every new
     * one (a test compares it with the files).
     */
    static final MigrationVersion NEWEST_MIGRATION = MigrationVersion.fromVersion("11");

    /**
     * Whether the DataSource's current schema holds the {@code pm_} tables at the newest
     * migration this jar ships, as {@link #migrate} leaves them.
     *
     * @throws IllegalStateException when the database cannot be read
     */
    public static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaHistory.isAt(connection, NEWEST_MIGRATION);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the postmortem schema history: " + e.getMessage(), e);
        }
    }

    /** The newest migration this jar ships, such as {@code 2}. */
    public static String newestVersion() {
        return NEWEST_MIGRATION.getVersion();
    }

    /**
     * Brings what the repository derives from each document up to the schema and the settings:
     * on PostgreSQL, every post-mortem's search words again when they were written in another
     * text search configuration than {@code searchLanguage} (once, by the first node to ask);
     * and the insight columns of rows stored before V9. The repository's builder does it; a host
     * that builds the repository before migrating calls it after.
     */
    public static void catchUp(DataSource dataSource, String searchLanguage) {
        Jdbi jdbi = Jdbi.create(dataSource);
        catchUp(jdbi, SqlDialect.of(dataSource), searchLanguage);
    }

    static void catchUp(Jdbi jdbi, SqlDialect dialect, String searchLanguage) {
        if (dialect == SqlDialect.POSTGRESQL) {
            SearchLanguage.use(jdbi, searchLanguage);
        }
        InsightBackfill.run(jdbi, dialect);
    }

    /** Applies every migration not yet applied to the DataSource's current schema. */
    public static void migrate(DataSource dataSource) {
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.of(connection);
            if (SchemaHistory.isAt(connection, NEWEST_MIGRATION)) {
                LOG.info("postmortem schema on {} is at version {}, the newest; nothing to migrate", dialect,
                        NEWEST_MIGRATION);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the postmortem schema history: " + e.getMessage(), e);
        }
        MigrateResult result = Flyway.configure(PostMortemSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .table(HISTORY_TABLE)
                // The host's tables may already be there; our history starts below our V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info("postmortem schema on {} is at version {} ({} migration(s) applied now)", dialect,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}

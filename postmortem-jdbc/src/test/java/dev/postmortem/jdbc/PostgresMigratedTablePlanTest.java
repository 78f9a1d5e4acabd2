package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A list page reads the listing index in order from the first request after the V2 migration
 * rewrote a table of 20,000 post-mortems, with no ANALYZE by the host: the migration gathers
 * the statistics. Without them PostgreSQL takes {@code tenant_id = ?} to match 0.5% of the rows
 * and sorts the whole tenant after a bitmap scan (0.17 of the hand-written baseline's rate in
 * benchmarks/load.sh postgres, until ANALYZE).
 */
class PostgresMigratedTablePlanTest {

    private static final int ROWS = 20_000;

    private PostgresTestDatabase database;
    private Jdbi jdbi;

    @BeforeEach
    void writtenByV1ThenMigrated() {
        database = PostgresTestDatabase.createOrSkip();
        V1Storage.migrate(database.dataSource());
        jdbi = Jdbi.create(database.dataSource());
        // One a minute, a quarter of them drafts, every tenth with alice as a contributor.
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, status, created_at,
                    created_by, updated_at, version)
                SELECT gen_random_uuid(), 'acme', 'INC-' || x, 'Title ' || x, 'Summary',
                       CASE WHEN x % 4 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
                       TIMESTAMPTZ '2024-01-01 00:00:00+00' + x * INTERVAL '1 minute', 'bob@example.com',
                       TIMESTAMPTZ '2024-01-01 00:00:00+00' + x * INTERVAL '1 minute', 1
                  FROM generate_series(1, ?) AS x;
                INSERT INTO pm_contributor (post_mortem_id, sort_order, email)
                SELECT id, 0, 'alice@example.com' FROM pm_post_mortem WHERE incident_id LIKE '%0'""", ROWS));
        PostMortemSchema.migrate(database.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    enum Page {
        FIRST_AS_ADMIN(Actor.admin("root@example.com", "acme"), Set.of(), false),
        FIRST_AS_USER(Actor.user("alice@example.com", "acme"), Set.of(), false),
        PUBLISHED_ONLY(Actor.user("alice@example.com", "acme"), Set.of(PostMortemStatus.PUBLISHED), false),
        ONE_INCIDENT(Actor.user("alice@example.com", "acme"), Set.of(), false),
        DEEP(Actor.user("alice@example.com", "acme"), Set.of(), true);

        final Actor viewer;
        final Set<PostMortemStatus> statuses;
        final boolean deep;

        Page(Actor viewer, Set<PostMortemStatus> statuses, boolean deep) {
            this.viewer = viewer;
            this.statuses = statuses;
            this.deep = deep;
        }

        String incidentId() {
            return this == ONE_INCIDENT ? "INC-42" : null;
        }
    }

    @ParameterizedTest
    @EnumSource(Page.class)
    void readsTheListingIndexInOrder(Page page) {
        ListPosition after = page.deep
                ? new ListPosition(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * ROWS / 2), new UUID(0, 0))
                : null;
        ListingStatement listing = new ListingStatement(new PostMortemQuery(page.viewer, page.statuses,
                page.incidentId(), null, 20, after), SqlDialect.POSTGRESQL);

        List<String> lines = jdbi.withHandle(handle -> listing.bind(handle, "EXPLAIN " + listing.sql())
                .mapTo(String.class).list());
        String plan = String.join("\n", lines);

        assertThat(plan).as(plan).contains("Index Scan").doesNotContain("Seq Scan").doesNotContain("Sort");
    }
}

package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.followup.ActionItemPosition;
import dev.postmortem.core.followup.ActionItemQuery;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A list page reads the listing index in order, and each summary's action item counts from the
 * items' index, from the first request after the migrations rewrote a table of 20,000
 * post-mortems with 3 items each, with no ANALYZE by the host: the migration gathers
 * the statistics. Without them PostgreSQL takes {@code tenant_id = ?} to match 0.5% of the rows
 * and sorts the whole tenant after a bitmap scan (0.17 of the hand-written baseline's rate in
 * benchmarks/load.sh postgres, until ANALYZE).
 */
class PostgresMigratedTablePlanTest {

    private static final int ROWS = 20_000;

    private static PostgresTestDatabase database;
    private static Jdbi jdbi;

    @BeforeAll
    static void writtenByV1ThenMigrated() {
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
                SELECT id, 0, 'alice@example.com' FROM pm_post_mortem WHERE incident_id LIKE '%0';
                INSERT INTO pm_action_item (id, post_mortem_id, tenant_id, sort_order, description, owner, status,
                    priority, due_date)
                SELECT gen_random_uuid(), id, 'acme', n, 'Item ' || n, 'alice@example.com',
                       CASE WHEN n = 0 THEN 'DONE' ELSE 'TODO' END, 'HIGH', DATE '2024-06-01' + n
                  FROM pm_post_mortem, generate_series(0, 2) AS n""", ROWS));
        PostMortemSchema.migrate(database.dataSource());
    }

    @AfterAll
    static void close() throws Exception {
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
                page.incidentId(), null, 20, after), SqlDialect.POSTGRESQL, "simple");

        List<String> lines = jdbi.withHandle(handle -> listing.bind(handle, "EXPLAIN " + listing.sql())
                .mapTo(String.class).list());
        String plan = String.join("\n", lines);

        assertThat(plan).as(plan).contains("Index Scan").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    enum ItemPage {
        MY_OPEN_ITEMS("alice@example.com", Set.of(ActionItemStatus.TODO, ActionItemStatus.IN_PROGRESS), null, false),
        OVERDUE_IN_THE_TENANT(null, Set.of(), true, false),
        EVERY_ITEM(null, Set.of(), null, false),
        DEEP(null, Set.of(), null, true),
        MY_ITEMS_DEEP("alice@example.com", Set.of(), null, true);

        final String owner;
        final Set<ActionItemStatus> statuses;
        final Boolean overdue;
        final boolean deep;

        ItemPage(String owner, Set<ActionItemStatus> statuses, Boolean overdue, boolean deep) {
            this.owner = owner;
            this.statuses = statuses;
            this.overdue = overdue;
            this.deep = deep;
        }
    }

    @ParameterizedTest
    @EnumSource(ItemPage.class)
    void readsAnActionItemPageFromAnIndexInOrder(ItemPage page) {
        ActionItemQuery query = new ActionItemQuery(Actor.user("alice@example.com", "acme"), page.owner,
                page.statuses, null, page.overdue, LocalDate.parse("2024-06-02"), null, null, Set.of(), null, null,
                20, page.deep ? new ActionItemPosition(LocalDate.parse("2024-06-02"), Priority.HIGH, new UUID(0, 0))
                        : null);
        ActionItemStatement statement = new ActionItemStatement(query, SqlDialect.POSTGRESQL);

        List<String> lines = jdbi.withHandle(handle -> {
            var explain = handle.createQuery("EXPLAIN " + statement.sql());
            statement.bindTo(explain);
            return explain.mapTo(String.class).list();
        });
        String plan = String.join("\n", lines);

        assertThat(plan).as(plan).contains("Index Scan using pm_action_item_").doesNotContain("Seq Scan")
                .doesNotContain("Sort");
        if (page.deep) {
            // the scan starts at the cursor itself, not at the start of the cursor's day
            assertThat(plan).as(plan).containsPattern("Index Cond: .*ROW\\(due_key, priority_rank, id\\) >");
        }
    }
}

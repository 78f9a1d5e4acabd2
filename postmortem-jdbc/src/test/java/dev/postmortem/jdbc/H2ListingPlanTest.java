package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A listing page reads about a page of rows from an index, in index order, at any depth:
 * with 5,000 post-mortems, H2's EXPLAIN ANALYZE must say "index sorted" and count at most a
 * few pages of rows scanned. Before, every page scanned and sorted all 5,000, which at a
 * million post-mortems made each page take seconds.
 */
class H2ListingPlanTest extends DatabaseTest {

    private static final int ROWS = 5_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final Actor ADMIN = Actor.admin("root@example.com", "acme");
    private static final Actor ALICE = Actor.user("alice@example.com", "acme");

    private Jdbi jdbi;

    enum Page {
        FIRST(ADMIN, Set.of(), false),
        MIDDLE(ADMIN, Set.of(), true),
        FIRST_AS_A_USER(ALICE, Set.of(), false),
        MIDDLE_AS_A_USER(ALICE, Set.of(), true),
        ONE_STATUS(ALICE, Set.of(PostMortemStatus.PUBLISHED), false),
        ONE_STATUS_MIDDLE(ALICE, Set.of(PostMortemStatus.PUBLISHED), true),
        TWO_STATUSES(ALICE, Set.of(PostMortemStatus.PUBLISHED, PostMortemStatus.ARCHIVED), true);

        final Actor viewer;
        final Set<PostMortemStatus> statuses;
        final boolean middle;

        Page(Actor viewer, Set<PostMortemStatus> statuses, boolean middle) {
            this.viewer = viewer;
            this.statuses = statuses;
            this.middle = middle;
        }
    }

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return new H2TestDatabase(folder);
    }

    @BeforeEach
    void fiveThousandPostMortems() {
        jdbi = Jdbi.create(dataSource());
        // One a minute, a quarter in each status, every tenth by alice.
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, status, created_at,
                    created_by, updated_at, version, content, incident_day)
                SELECT RANDOM_UUID(), 'acme', 'INC-' || X, 'Title ' || X, 'Summary',
                       CASEWHEN(MOD(X, 4) = 0, 'DRAFT', CASEWHEN(MOD(X, 4) = 1, 'IN_REVIEW',
                           CASEWHEN(MOD(X, 4) = 2, 'PUBLISHED', 'ARCHIVED'))),
                       TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + X * INTERVAL '1' MINUTE,
                       CASEWHEN(MOD(X, 10) = 0, 'alice@example.com', 'bob@example.com'),
                       TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + X * INTERVAL '1' MINUTE, 1, JSON '{}',
                       DATE '2024-01-01'
                  FROM SYSTEM_RANGE(1, ?)""", ROWS));
    }

    @ParameterizedTest
    @EnumSource(Page.class)
    void readsAboutOnePageOfRowsInIndexOrder(Page page) {
        ListPosition after = page.middle
                ? new ListPosition(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * ROWS / 2),
                        UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"))
                : null;
        PostMortemQuery query = new PostMortemQuery(page.viewer, page.statuses, null, null, 20, after);
        ListingStatement listing = new ListingStatement(query, SqlDialect.H2, "simple");
        String plan = jdbi.withHandle(handle -> listing.bind(handle, "EXPLAIN ANALYZE " + listing.sql())
                .mapTo(String.class).one());

        assertThat(plan).as(plan).contains("/* index sorted */");
        Matcher scanned = SCAN_COUNT.matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        // A page is 21 rows; filters that skip rows (other people's drafts, other statuses)
        // may read a few times that, never a sizeable part of the table.
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThanOrEqualTo(100);
    }
}

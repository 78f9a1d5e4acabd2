package dev.postmortem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.followup.ActionItemFilters;
import dev.postmortem.core.followup.FollowUpService;
import dev.postmortem.core.port.IdGenerator;
import dev.postmortem.core.postmortem.ListPostMortemsQuery;
import dev.postmortem.core.postmortem.PostMortemList;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.jdbc.EmbeddedH2;
import dev.postmortem.jdbc.JdbcPostMortemRepository;
import dev.postmortem.jdbc.PostMortemSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fills a database with {@code count} post-mortems of the spec example's shape (five timeline
 * events, three action items owned by ten users in turn, 1% of the post-mortems with all three
 * overdue) in JDBC batches of 5,000 per transaction, into the tables of the
 * project's schema V1, migrates them to the newest schema in place (timed: what a host's
 * upgrade costs), times one reminder run over them and a second one (which publishes nothing),
 * then writes what the scale run needs into {@code out}: {@code ids} (up to 100,000
 * of them, spread evenly, for GET by id), {@code deep-cursor}, the cursor of the page in
 * the middle of alice's listing, and {@code items-deep-cursor}, the same in the action items
 * alice may see, each found by walking the list through the service as a client would.
 *
 * <p>A quarter each are DRAFT, IN_REVIEW, PUBLISHED and ARCHIVED; the authors cycle through
 * ten users, alice among them, so alice's listing skips the other nine authors' drafts. Each
 * summary ends with {@value #WORDS_EACH} words of {@link SeedVocabulary}.
 * One post-mortem is created per second of 2020 onwards, the newest last; their incident days
 * spread over 2016 to 2025 ({@link InsightFixture}). {@value #RARE_HITS} of them, spread evenly,
 * name {@value #RARE_WORD} in an action item: the rare word of the search benchmark.
 *
 * <pre>{@code
 * POSTMORTEM_DATA_DIR=/tmp/pm java -cp benchmarks/target/benchmarks.jar \
 *     dev.postmortem.benchmarks.ScaleSeeder 1000000 /tmp/pm-scale
 * }</pre>
 * The database comes from {@code POSTMORTEM_JDBC_URL} (PostgreSQL) or {@code POSTMORTEM_DATA_DIR}
 * (embedded H2), as for the server. The tables must be empty.
 */
public final class ScaleSeeder {

    static final String TENANT = "default";
    static final String ALICE = "alice@example.com";
    private static final int BATCH = 5_000;
    private static final int MAX_IDS = 100_000;
    private static final String[] STATUSES = {"DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"};
    private static final String[][] TIMELINE = {
        {"14:30", "First alerts for elevated API error rates"},
        {"14:35", "On-call engineer acknowledged the alert"},
        {"14:50", "Connection pool exhaustion identified as the cause"},
        {"15:05", "Feature flag disabled and connections released"},
        {"15:15", "Error rates back to normal"}};

    private static final String[][] ITEMS = {
        {"Add connection pool usage monitoring and alerts", "HIGH"},
        {"Add a connection leak test to CI", "MEDIUM"},
        {"Document the pool sizing in the runbook", "LOW"}};
    /**
     * This many post-mortems at every size have {@link #RARE_WORD} in their third action item, and
     * nowhere else: a page and more at each size, so that a search at 10,000 and one at 1,000,000
     * both answer a full page (at one in 10,000, 10,000 answered one post-mortem and 1,000,000 a
     * page of 20, which measured the page, not the size). Alice sees all of them: every one is
     * the tenth, so hers, for sizes in thousands.
     */
    static final int RARE_HITS = 25;
    static final String RARE_WORD = "zebracorn";
    private static final String RARE_ITEM = "Add a " + RARE_WORD + " probe to the pool";
    /** Words of {@link SeedVocabulary} in each summary, so that the texts vary as real ones do. */
    private static final int WORDS_EACH = 12;
    /** The incidents' days spread evenly over these ten years, so that a year holds a tenth of them. */
    static final LocalDate FIRST_DAY = LocalDate.parse("2016-01-01");
    static final int DAYS = 3653;
    /** One post-mortem in a hundred, all in review, has its items overdue today. */
    static final int OVERDUE_EVERY = 100;

    private ScaleSeeder() {
    }

    /** Ten owners in turn, alice first. */
    private static String owner(int n) {
        return n % 10 == 0 ? ALICE : "user" + (n % 10) + "@example.com";
    }

    /**
     * Overdue (up to a month ago) for one post-mortem in {@link #OVERDUE_EVERY}, the second in
     * each hundred (IN_REVIEW: drafts are never reminded of); none for every seventh third item;
     * within the next year for the rest.
     */
    private static LocalDate dueDate(int i, int item) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (i % OVERDUE_EVERY == 1) {
            return today.minusDays(1 + i % 30);
        }
        return item == 2 && i % 7 == 0 ? null : today.plusDays(1 + (i + item) % 365);
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (HikariDataSource dataSource = dataSource()) {
            BaselineStorage.migrateToV1(dataSource);
            long started = System.nanoTime();
            List<String> ids = seed(dataSource, count);
            System.out.printf("seeded %,d post-mortems in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            PostMortemSchema.migrate(dataSource);
            System.out.printf("migrated them to the newest schema in %.1f s%n", (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            InsightFixture.derive(dataSource, count);
            PostMortemSchema.catchUp(dataSource, "simple");
            System.out.printf("gave them incident days, durations and labels in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            settle(dataSource);
            Files.write(out.resolve("ids"), ids);
            started = System.nanoTime();
            Files.writeString(out.resolve("deep-cursor"), middleCursor(dataSource));
            System.out.printf("walked to the middle of alice's listing in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            Files.writeString(out.resolve("items-deep-cursor"), middleItemsCursor(dataSource));
            System.out.printf("walked to the middle of alice's action items in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            remindTwice(dataSource, count);
        }
    }

    /**
     * On PostgreSQL, the pass autovacuum makes soon after a bulk load and the migration's
     * rewrites, and the checkpoint after it, done now: left to the database, they run during
     * the measurement, over millions of rows on the same two cores.
     */
    private static void settle(HikariDataSource dataSource) throws SQLException {
        if (System.getenv("POSTMORTEM_JDBC_URL") == null) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM (ANALYZE) pm_post_mortem, pm_action_item, pm_label, pm_label_day");
            statement.execute("CHECKPOINT"); // the pages the vacuum dirtied, written before wrk starts
        }
        System.out.printf("vacuumed in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static HikariDataSource dataSource() throws IOException {
        HikariConfig config = new HikariConfig();
        String url = System.getenv("POSTMORTEM_JDBC_URL");
        if (url == null) {
            Path folder = Path.of(System.getenv().getOrDefault("POSTMORTEM_DATA_DIR", "data"));
            Files.createDirectories(folder);
            // H2's default WRITE_DELAY here, unlike the server: a bulk load needs no per-commit
            // durability, and H2's background compaction keeps the file from growing with every
            // batch's rewritten pages. The server opens the same file with EmbeddedH2.url.
            config.setJdbcUrl("jdbc:h2:file:" + folder.toAbsolutePath().resolve(EmbeddedH2.DATABASE_NAME)
                    + ";COMPRESS=TRUE;MAX_COMPACT_TIME=60000");
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(url);
        }
        return new HikariDataSource(config);
    }

    private static List<String> seed(HikariDataSource dataSource, int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        int every = Math.max(1, count / MAX_IDS);
        int rareEvery = Math.max(1, count / RARE_HITS);
        // The project's own ids: time-ordered, so rows append to the indexes as in production
        // (random ones made every batch rewrite most of the primary keys' pages).
        IdGenerator newId = IdGenerator.timeOrdered();
        Instant first = Instant.parse("2020-01-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement pm = connection.prepareStatement("INSERT INTO pm_post_mortem (id, tenant_id,"
                    + " incident_id, title, summary, impact, root_cause, status, template_id, created_at, created_by,"
                    + " updated_at, published_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)");
                 PreparedStatement event = connection.prepareStatement("INSERT INTO pm_timeline_event (id,"
                         + " post_mortem_id, sort_order, event_time, description) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement item = connection.prepareStatement("INSERT INTO pm_action_item (id,"
                         + " post_mortem_id, tenant_id, sort_order, description, owner, status, priority, due_date)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement change = connection.prepareStatement("INSERT INTO pm_status_change"
                         + " (post_mortem_id, sort_order, from_status, to_status, changed_by, changed_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = newId.newId();
                    if (i % every == 0 && ids.size() < MAX_IDS) {
                        ids.add(id.toString());
                    }
                    int stage = i % STATUSES.length;
                    String author = i % 10 == 0 ? ALICE : "user" + (i % 10) + "@example.com";
                    OffsetDateTime created = OffsetDateTime.ofInstant(first.plusSeconds(i), ZoneOffset.UTC);
                    OffsetDateTime updated = created.plusMinutes(stage * 10L);
                    pm.setObject(1, id);
                    pm.setString(2, TENANT);
                    pm.setString(3, "INC-" + i);
                    pm.setString(4, "Database Connection Pool Exhaustion " + i);
                    pm.setString(5, "The primary database connection pool was exhausted, causing API requests to"
                            + " fail for 45 minutes. Also seen: " + SeedVocabulary.wordsFor(i, WORDS_EACH) + ".");
                    pm.setString(6, "30% of API requests failed between 14:30 and 15:15 UTC. Approximately 2,000"
                            + " users were affected.");
                    pm.setString(7, "A feature deployed at 14:00 opened database connections without releasing"
                            + " them.");
                    pm.setString(8, STATUSES[stage]);
                    pm.setObject(9, created);
                    pm.setString(10, author);
                    pm.setObject(11, updated);
                    if (stage >= 2) {
                        pm.setObject(12, created.plusMinutes(20));
                    } else {
                        pm.setNull(12, Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    pm.setLong(13, 1L + stage);
                    pm.addBatch();
                    for (int e = 0; e < TIMELINE.length; e++) {
                        event.setObject(1, newId.newId());
                        event.setObject(2, id);
                        event.setInt(3, e);
                        event.setString(4, TIMELINE[e][0]);
                        event.setString(5, TIMELINE[e][1]);
                        event.addBatch();
                    }
                    for (int a = 0; a < ITEMS.length; a++) {
                        item.setObject(1, newId.newId());
                        item.setObject(2, id);
                        item.setString(3, TENANT);
                        item.setInt(4, a);
                        item.setString(5, a == 2 && i % rareEvery == rareEvery / 2 ? RARE_ITEM : ITEMS[a][0]);
                        item.setString(6, owner(i + 3 * a));
                        item.setString(7, stage == 3 ? "DONE" : a == 2 && i % 2 == 0 ? "IN_PROGRESS" : "TODO");
                        item.setString(8, ITEMS[a][1]);
                        item.setObject(9, dueDate(i, a));
                        item.addBatch();
                    }
                    for (int s = 0; s <= stage; s++) {
                        change.setObject(1, id);
                        change.setInt(2, s);
                        change.setString(3, s == 0 ? null : STATUSES[s - 1]);
                        change.setString(4, STATUSES[s]);
                        change.setString(5, author);
                        change.setObject(6, created.plusMinutes(s * 10L));
                        change.addBatch();
                    }
                    if ((i + 1) % BATCH == 0 || i + 1 == count) {
                        pm.executeBatch();
                        event.executeBatch();
                        item.executeBatch();
                        change.executeBatch();
                        connection.commit();
                    }
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf("  %,d stored%n", i + 1);
                    }
                }
            }
        }
        return ids;
    }

    /** The nextCursor that leads to the middle page of alice's listing (newest first, 20 a page). */
    private static String middleCursor(HikariDataSource dataSource) {
        PostMortemService service = service(dataSource);
        Actor alice = Actor.user(ALICE, TENANT);
        // alice sees every post-mortem but the other authors' drafts (counted once, on the first page).
        String cursor = null;
        int pages = 0;
        int target = -1;
        do {
            PostMortemList page = service.list(alice, new ListPostMortemsQuery(Set.of(), null, null,
                    ListPostMortemsQuery.MAX_LIMIT, cursor));
            if (target < 0) {
                long visible = visibleToAlice(dataSource);
                target = (int) (visible / 2 / ListPostMortemsQuery.MAX_LIMIT);
            }
            cursor = page.nextCursor();
            pages++;
        } while (pages < target && cursor != null);
        return cursor;
    }

    /** The nextCursor that leads to the middle page of the action items alice may see. */
    private static String middleItemsCursor(HikariDataSource dataSource) {
        FollowUpService followUp = service(dataSource).followUp().orElseThrow();
        Actor alice = Actor.user(ALICE, TENANT);
        long pages = countItemsVisibleToAlice(dataSource) / 2 / ListPostMortemsQuery.MAX_LIMIT;
        String cursor = null;
        for (long page = 0; page < pages; page++) {
            cursor = followUp.list(alice, new ActionItemFilters(null, Set.of(), null, null, null, null, Set.of(),
                    null, null, ListPostMortemsQuery.MAX_LIMIT, cursor)).nextCursor();
        }
        return cursor;
    }

    /** The reminder run a node does once a day, timed, then again: the second publishes nothing. */
    private static void remindTwice(HikariDataSource dataSource, int count) {
        FollowUpService followUp = service(dataSource).followUp().orElseThrow();
        for (String run : new String[] {"first", "second"}) {
            long started = System.nanoTime();
            int reminded = followUp.remind();
            System.out.printf("reminder run (%s) over %,d post-mortems: %,d events in %.2f s%n", run, count,
                    reminded, (System.nanoTime() - started) / 1e9);
        }
    }

    private static PostMortemService service(HikariDataSource dataSource) {
        return PostMortemService.builder(JdbcPostMortemRepository.builder(dataSource).migrateSchema(false).build())
                .build();
    }

    private static long countItemsVisibleToAlice(HikariDataSource dataSource) {
        return countForAlice(dataSource, "SELECT COUNT(*) FROM pm_action_item a"
                + " JOIN pm_post_mortem p ON p.id = a.post_mortem_id"
                + " WHERE a.tenant_id = ? AND (p.status <> 'DRAFT' OR p.created_by = ?)");
    }

    private static long visibleToAlice(HikariDataSource dataSource) {
        return countForAlice(dataSource, "SELECT COUNT(*) FROM pm_post_mortem"
                + " WHERE tenant_id = ? AND (status <> 'DRAFT' OR created_by = ?)");
    }

    /** A count whose SQL takes the tenant and alice as its two parameters. */
    private static long countForAlice(HikariDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, TENANT);
            count.setString(2, ALICE);
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

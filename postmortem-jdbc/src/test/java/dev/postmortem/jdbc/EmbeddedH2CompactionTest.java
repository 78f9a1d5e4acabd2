package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file under paced writes, with and without {@link EmbeddedH2Compaction}, on
 * real files. H2 keeps chunks for its retention time (45 s) before it may rewrite or free them,
 * which on a server makes every chunk older than that a candidate; these databases keep none, so
 * that each step finds such chunks at once and the sizes do not depend on how fast the test
 * runs. Either database frees the chunks that hold nothing live; only compaction rewrites those
 * that still hold a few live pages, the growth the server saw.
 */
class EmbeddedH2CompactionTest {

    private static final String NO_RETENTION = ";RETENTION_TIME=0";
    private static final int LIVES = 150;

    @TempDir
    Path folder;

    @Test
    void keepsTheOpenFileSmallerUnderPacedWritesAndLosesNothing() throws Exception {
        Path compacted = folder.resolve("compacted");
        Path leftAlone = folder.resolve("left-alone");
        long compactedBytes;
        long leftAloneBytes;
        List<UUID> ids = new ArrayList<>();
        try (HikariDataSource withCompaction = pool(EmbeddedH2.url(compacted) + NO_RETENTION);
             HikariDataSource without = pool(EmbeddedH2.url(leftAlone) + NO_RETENTION)) {
            PostMortemService service = service(withCompaction);
            PostMortemService control = service(without);
            EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(withCompaction, Duration.ofHours(1));
            for (int i = 0; i < LIVES; i++) {
                ids.add(H2Footprint.live(service));
                H2Footprint.live(control);
                compaction.compactNow();
            }
            compaction.close();
            compactedBytes = size(compacted);
            leftAloneBytes = size(leftAlone);
        }
        assertThat(compactedBytes).as("file with compaction (%,d B) against without (%,d B)", compactedBytes,
                leftAloneBytes).isLessThan(leftAloneBytes / 2);

        // Every post-mortem as its life left it, read back after the database was closed and opened again.
        try (HikariDataSource reopened = pool(EmbeddedH2.url(compacted) + NO_RETENTION)) {
            PostMortemService service = service(reopened);
            for (UUID id : ids) {
                PostMortem pm = service.get(H2Footprint.CAROL, id);
                assertThat(pm.status()).isEqualTo(PostMortemStatus.PUBLISHED);
                assertThat(pm.version()).isEqualTo(4);
                assertThat(pm.content().actionItems().get(0).status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
                assertThat(pm.content().timeline()).hasSize(SpecExample.command().timeline().value().size());
            }
        }
    }

    /**
     * A burst, then nothing but steps, as on a server that went quiet. H2 may free a chunk only
     * once it is past the retention time, so this database keeps chunks for 1 s, not 45, and the
     * steps come every 200 ms for up to 30 s: what the burst left is not freed on the way, and
     * the test waits for the file to come back rather than for a fixed time.
     */
    @Test
    void givesABurstsSpaceBackWhenNoWritesFollow() throws Exception {
        Path burst = folder.resolve("burst");
        List<UUID> ids = new ArrayList<>();
        try (HikariDataSource pool = pool(EmbeddedH2.url(burst) + ";RETENTION_TIME=1000")) {
            PostMortemService service = service(pool);
            for (int i = 0; i < 2 * LIVES; i++) {
                ids.add(H2Footprint.live(service));
            }
            long afterBurst = size(burst);
            EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(pool, Duration.ofHours(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (size(burst) >= afterBurst / 3 && System.nanoTime() < deadline) {
                compaction.compactNow();
                Thread.sleep(200);
            }
            compaction.close();
            long afterSteps = size(burst);
            String fillRates;
            try (Connection connection = pool.getConnection()) {
                fillRates = "chunks " + chunksFillPercent(connection) + "% live, file " + fileFillPercent(connection)
                        + "% used";
            }
            assertThat(afterSteps).as("file after the steps (%,d B; %s) against after the burst (%,d B)", afterSteps,
                    fillRates, afterBurst).isLessThan(afterBurst / 3);
            for (UUID id : ids) {
                assertThat(service.get(H2Footprint.CAROL, id).version()).isEqualTo(4);
            }
        }
    }

    /**
     * A file most of whose space is live, as a migration or a bulk load leaves it: a fifth of
     * one large commit's rows rewritten. Rewriting its chunks would gain little and cost much
     * (on a million post-mortems, 45-110 ms under H2's store lock every second, for as long as
     * the server ran), so a step leaves it as it is.
     */
    @Test
    void leavesAFileAloneWhoseChunksAreMostlyLive() throws Exception {
        Path mostlyLive = folder.resolve("mostly-live");
        try (HikariDataSource pool = pool(EmbeddedH2.url(mostlyLive) + NO_RETENTION)) {
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("CREATE TABLE filler (id INT PRIMARY KEY, body VARCHAR(1000))");
                Random random = new Random(1);
                insertRows(connection, "filler", 5_000, true, () -> Long.toString(random.nextLong(), 36).repeat(20));
                connection.createStatement().execute("UPDATE filler SET body = body || 'z' WHERE id < 1000");
                assertThat(chunksFillPercent(connection)).as("share of the chunks' space that is live")
                        .isBetween(EmbeddedH2Compaction.TARGET_FILL_PERCENT, 89);
            }
            long before = size(mostlyLive);
            EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(pool, Duration.ofHours(1));
            assertThat(compaction.compactNow()).as("a step rewrote chunks").isFalse();
            compaction.close();
            assertThat(size(mostlyLive)).isEqualTo(before);
        }
    }

    /**
     * A file whose early chunks died whole (a dropped table) while its last chunk stays live: once
     * the dead chunks are freed, what is left is live (95 percent here), so rewriting finds
     * nothing to do, yet three quarters of the file are holes, and a file shrinks only from its
     * end. A step moves the last chunks into the holes, as H2's own thread does.
     */
    @Test
    void movesTheLastChunksIntoTheHolesSoTheFileShrinks() throws Exception {
        Path holes = folder.resolve("holes");
        try (HikariDataSource pool = pool(EmbeddedH2.url(holes) + NO_RETENTION)) {
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("CREATE TABLE filler (id INT PRIMARY KEY, body VARCHAR(1000))");
                connection.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY, body VARCHAR(1000))");
                Random random = new Random(1);
                insertRows(connection, "filler", 5_000, false, () -> randomText(random, 400)); // many small chunks
                insertRows(connection, "kept", 1_000, true, () -> randomText(random, 400));
                connection.createStatement().execute("DROP TABLE filler");
            }
            long before = size(holes);
            EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(pool, Duration.ofHours(1));
            for (int step = 0; step < 3; step++) {
                compaction.compactNow();
            }
            compaction.close();
            assertThat(size(holes)).as("file after three steps against before (%,d B)", before)
                    .isLessThan(before / 2);
            try (Connection connection = pool.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1_000);
            }
        }
    }

    /** Rows 0 to count - 1 of an (id, body) table, in one commit or in a commit each. */
    private static void insertRows(Connection connection, String table, int count, boolean oneCommit,
            Supplier<String> body) throws SQLException {
        connection.setAutoCommit(!oneCommit);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int id = 0; id < count; id++) {
                insert.setInt(1, id);
                insert.setString(2, body.get());
                insert.executeUpdate();
            }
        }
        if (oneCommit) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        return text.substring(0, length);
    }

    private static int chunksFillPercent(Connection connection) throws SQLException {
        return mvStore(connection).getFileStore().getChunksFillRate();
    }

    private static int fileFillPercent(Connection connection) throws SQLException {
        return mvStore(connection).getFillRate();
    }

    private static MVStore mvStore(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    @Test
    void isNeededOnlyForAnEmbeddedFileWithoutH2sOwnBackgroundThread() throws Exception {
        try (HikariDataSource embedded = pool(EmbeddedH2.url(folder.resolve("embedded")));
             HikariDataSource h2Defaults = pool("jdbc:h2:file:" + folder.resolve("defaults").resolve("db"));
             HikariDataSource memory = pool("jdbc:h2:mem:" + UUID.randomUUID())) {
            assertThat(EmbeddedH2Compaction.isNeededFor(embedded)).as("EmbeddedH2.url (WRITE_DELAY=0)").isTrue();
            assertThat(EmbeddedH2Compaction.isNeededFor(h2Defaults)).as("H2's defaults compact themselves").isFalse();
            assertThat(EmbeddedH2Compaction.isNeededFor(memory)).as("in-memory: no file").isFalse();
        }
        try (HikariDataSource readOnly = pool(EmbeddedH2.url(folder.resolve("embedded")) + ";ACCESS_MODE_DATA=r")) {
            assertThat(EmbeddedH2Compaction.isNeededFor(readOnly)).as("read-only: nothing to write").isFalse();
        }
    }

    @Test
    void isNotNeededForPostgresql() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.createOrSkip()) {
            assertThat(EmbeddedH2Compaction.isNeededFor(postgres.dataSource())).isFalse();
        }
    }

    @Test
    void refusesADatabaseWithoutAFile() throws Exception {
        try (HikariDataSource memory = pool("jdbc:h2:mem:" + UUID.randomUUID())) {
            EmbeddedH2Compaction compaction = EmbeddedH2Compaction.start(memory, Duration.ofHours(1));
            assertThatThrownBy(compaction::compactNow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in-memory");
            compaction.close();
        }
    }

    @Test
    void refusesAnIntervalThatIsNoInterval() {
        try (HikariDataSource unused = new HikariDataSource()) {
            assertThatThrownBy(() -> EmbeddedH2Compaction.start(unused, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        return pool;
    }

    private static PostMortemService service(HikariDataSource pool) {
        return PostMortemService.builder(JdbcPostMortemRepository.builder(pool).build()).build();
    }

    private static long size(Path dataDir) throws IOException {
        return Files.size(dataDir.resolve(EmbeddedH2.DATABASE_NAME + ".mv.db"));
    }
}

package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.service.PostMortemService;
import dev.postmortem.core.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.jdbc.EmbeddedH2;
import dev.postmortem.jdbc.H2Footprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file under paced writes, with and without {@link H2FileCompaction}, on real
 * files. H2 keeps chunks for its retention time (45 s) before it may rewrite or free them, which
 * on a server makes every chunk older than that a candidate; these databases keep none, so that
 * each step finds such chunks at once and the sizes do not depend on how fast the test runs.
 * Either database frees the chunks that hold nothing live; only compaction rewrites those that
 * still hold a few live pages, the growth the server saw.
 */
class H2FileCompactionTest {

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
        try (HikariDataSource withCompaction = H2Growth.pool(compacted, NO_RETENTION);
             HikariDataSource without = H2Growth.pool(leftAlone, NO_RETENTION)) {
            PostMortemService service = H2Growth.service(withCompaction);
            PostMortemService control = H2Growth.service(without);
            H2FileCompaction compaction = H2FileCompaction.start(withCompaction, Duration.ofHours(1));
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
        try (HikariDataSource reopened = H2Growth.pool(compacted, NO_RETENTION)) {
            PostMortemService service = H2Growth.service(reopened);
            for (UUID id : ids) {
                PostMortem pm = service.get(H2Footprint.CAROL, id);
                assertThat(pm.status()).isEqualTo(PostMortemStatus.PUBLISHED);
                assertThat(pm.version()).isEqualTo(4);
                assertThat(pm.content().actionItems().get(0).status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
                assertThat(pm.content().timeline()).hasSize(SpecExample.command().timeline().size());
            }
        }
    }

    @Test
    void refusesADatabaseWithoutAFile() throws Exception {
        try (HikariDataSource memory = new HikariDataSource()) {
            memory.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID());
            H2FileCompaction compaction = H2FileCompaction.start(memory, Duration.ofHours(1));
            assertThatThrownBy(compaction::compactNow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in-memory");
            compaction.close();
        }
    }

    private static long size(Path dataDir) throws IOException {
        return Files.size(dataDir.resolve(EmbeddedH2.DATABASE_NAME + ".mv.db"));
    }
}

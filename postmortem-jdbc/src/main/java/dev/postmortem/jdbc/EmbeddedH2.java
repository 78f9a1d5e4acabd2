package dev.postmortem.jdbc;

import java.nio.file.Path;

/**
 * The JDBC URL for the embedded H2 file database, with the settings that make acknowledged
 * writes survive a crash of the process. Use it for any H2 file database the repository writes
 * to.
 *
 * <p>{@code WRITE_DELAY=0}: by default H2 acknowledges a commit and stores it up to 500 ms
 * later from a background thread, so a process killed in that window loses writes its clients
 * were told had succeeded (the standalone server's SIGKILL test lost them). With 0, H2 stores
 * each commit before it returns; the data is then in the file (the operating system's cache),
 * which survives the process, though not a power cut.
 *
 * <p>The price is space while the database is open: every commit becomes a chunk of its own,
 * and H2's compaction, which runs on that same background thread, does not run (run
 * {@link EmbeddedH2Compaction} beside it, as the standalone server and the Spring Boot starter
 * do), so a burst of writes grows
 * the file (measured with {@code H2Footprint}: about 130 KB per post-mortem right
 * after 12,000 writes in 25 s, against 4 KB with H2's defaults, which lose writes). H2 compacts
 * when the database closes, for at most {@code MAX_COMPACT_TIME}: its default of 200 ms left
 * that file at 122 KB per post-mortem, 5 s leaves it at 1.5 KB (30 s: 0.9 KB). So a clean
 * shutdown may take up to 5 s longer. {@code RETENTION_TIME=0}, which lets H2 reuse space at
 * once, kept the file at about 1 KB per post-mortem, but combined with WRITE_DELAY=0 it lost
 * acknowledged writes after a crash, so it is not used.
 *
 * <p>{@code COMPRESS=TRUE} compresses pages, which suits our text.
 */
public final class EmbeddedH2 {

    /** The database file name inside the data folder ({@code postmortem.mv.db}). */
    public static final String DATABASE_NAME = "postmortem";

    private EmbeddedH2() {
    }

    /** The URL of the database file in {@code dataFolder}, created on first use. */
    public static String url(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve(DATABASE_NAME)
                + ";WRITE_DELAY=0;COMPRESS=TRUE;MAX_COMPACT_TIME=5000";
    }
}

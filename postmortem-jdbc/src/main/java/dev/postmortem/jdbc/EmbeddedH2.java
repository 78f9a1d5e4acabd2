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
 * <p>The price is space: every commit becomes a chunk of its own, and H2's compaction, which
 * runs on that same background thread, does not run, so a burst of writes grows the file
 * (measured with {@code H2Footprint}: about 120 KB per post-mortem right after 40,000 writes in
 * 40 s, against 5.8 KB with H2's defaults, which lose writes). {@code RETENTION_TIME=0}, which
 * lets H2 reuse space at once, kept the file at about 1 KB per post-mortem, but combined with
 * WRITE_DELAY=0 it lost acknowledged writes after a crash, so it is not used. Keeping the file
 * small without giving up durability is open work (see the benchmarks).
 *
 * <p>{@code COMPRESS=TRUE} compresses pages, which suits our text.
 */
public final class EmbeddedH2 {

    /** The database file name inside the data folder ({@code postmortem.mv.db}). */
    public static final String DATABASE_NAME = "postmortem";

    private EmbeddedH2() {
    }

    public static String url(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve(DATABASE_NAME)
                + ";WRITE_DELAY=0;COMPRESS=TRUE";
    }
}

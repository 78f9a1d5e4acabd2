package dev.postmortem.jdbc;

import java.nio.file.Path;

/**
 * The JDBC URL for the embedded H2 file database, with the settings that keep the file
 * compact under a steady stream of updates.
 *
 * <p>H2's MVStore never overwrites a page in place: each update appends, and space is reused
 * only once older versions leave the retention window (45 s by default) and the chunks they
 * sat in are rewritten. Under write load that made the file several times the size of its
 * data. {@code RETENTION_TIME=0} lets space be reused at once (safe: H2 still commits
 * atomically; it only loses the ability to read older versions after a crash, which we never
 * do) and {@code COMPRESS=TRUE} compresses pages, which suits our text.
 */
public final class EmbeddedH2 {

    /** The database file name inside the data folder ({@code postmortem.mv.db}). */
    public static final String DATABASE_NAME = "postmortem";

    private EmbeddedH2() {
    }

    public static String url(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve(DATABASE_NAME)
                + ";RETENTION_TIME=0;COMPRESS=TRUE";
    }
}

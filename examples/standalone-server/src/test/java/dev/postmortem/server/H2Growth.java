package dev.postmortem.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.jdbc.EmbeddedH2;
import dev.postmortem.jdbc.EmbeddedH2Compaction;
import dev.postmortem.jdbc.H2Footprint;
import dev.postmortem.jdbc.JdbcPostMortemRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures whether an open embedded H2 file ({@link EmbeddedH2#url}) keeps growing under a
 * steady pace of writes, as a long-running standalone server sees them: {@code H2Footprint}
 * measures a burst, this a pace. Stores {@code existing} post-mortems first, then puts new ones
 * through a typical life (create, edit an item, review, publish: four writes) at
 * {@code writesPerSecond} for {@code minutes}, printing the file size every 30 s, and once more
 * after a clean close. With {@code restart}, the database is closed and opened again between
 * the two, as a server restarted after an import would be: the close compacts the file, so
 * the paced writes start from the file at rest instead of from the import's high-water mark.
 * With {@code compact}, {@link EmbeddedH2Compaction} runs during the paced writes as the standalone
 * server runs it. A measurement, not a test: it prints, it asserts nothing.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl examples/standalone-server test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp examples/standalone-server/target/test-classes:examples/standalone-server/target/classes:$(cat examples/standalone-server/target/cp.txt) \
 *     dev.postmortem.server.H2Growth 10000 20 10 restart compact   # existing, writes per second, minutes[, restart][, compact]
 * </pre>
 */
public final class H2Growth {

    private static final long SAMPLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private H2Growth() {
    }

    public static void main(String[] args) throws IOException {
        int existing = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int writesPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> flags = List.of(args).subList(Math.min(3, args.length), args.length);
        boolean restart = flags.contains("restart");
        boolean compact = flags.contains("compact");
        Path folder = Files.createTempDirectory("h2-growth");
        HikariDataSource pool = pool(folder);
        PostMortemService service = service(pool);
        long documents = 0;
        for (int i = 0; i < existing; i++) {
            H2Footprint.live(service);
            documents++;
        }
        print("after storing the existing ones", 0, documents, H2Footprint.size(folder));
        if (restart) {
            pool.close();
            print("closed and opened again", 0, documents, H2Footprint.size(folder));
            pool = pool(folder);
            service = service(pool);
        }
        EmbeddedH2Compaction compaction = compact ? EmbeddedH2Compaction.start(pool, Duration.ofSeconds(1)) : null;
        long start = System.nanoTime();
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        long nanosPerLife = TimeUnit.SECONDS.toNanos(4) / writesPerSecond;
        long nextLife = start;
        long nextSample = start + SAMPLE_EVERY_NANOS;
        while (System.nanoTime() < end) {
            H2Footprint.live(service);
            documents++;
            nextLife += nanosPerLife;
            long now = System.nanoTime();
            if (now >= nextSample) {
                print("open", (now - start) / 1e9, documents, H2Footprint.size(folder));
                nextSample += SAMPLE_EVERY_NANOS;
            }
            if (nextLife > now) {
                sleep(nextLife - now);
            }
        }
        if (compaction != null) {
            compaction.close();
        }
        pool.close(); // closes the database: H2 compacts for up to MAX_COMPACT_TIME on close
        print("after a clean close", (System.nanoTime() - start) / 1e9, documents, H2Footprint.size(folder));
    }

    /** A pool on the embedded database's URL, as the server's (with extra settings appended). */
    static HikariDataSource pool(Path folder, String... settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(EmbeddedH2.url(folder) + String.join("", settings));
        pool.setUsername("sa");
        pool.setPassword("");
        return pool;
    }

    static PostMortemService service(HikariDataSource pool) {
        return PostMortemService.builder(JdbcPostMortemRepository.builder(pool).build()).build();
    }

    private static void print(String when, double seconds, long documents, long bytes) {
        System.out.printf("%-32s %6.0f s  %,9d post-mortems  %,14d bytes  %,8d B each%n", when, seconds, documents,
                bytes, bytes / documents);
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing the writes", e);
        }
    }
}

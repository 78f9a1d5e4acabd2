package dev.postmortem.jdbc;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Measures the H2 file size per post-mortem: stores N copies of the spec's example and puts each
 * through a typical life (edit an item, review, publish), once with H2's default settings and
 * once with {@link EmbeddedH2#url}'s. A measurement, not a test: it prints, it asserts nothing.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl postmortem-jdbc test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp postmortem-jdbc/target/test-classes:postmortem-jdbc/target/classes:$(cat postmortem-jdbc/target/cp.txt) \
 *     dev.postmortem.jdbc.H2Footprint 10000
 * </pre>
 */
public final class H2Footprint {

    /** The author of every post-mortem {@link #live} writes. */
    public static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private H2Footprint() {
    }

    public static void main(String[] args) throws IOException {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory("h2-footprint");
        measure("H2 defaults", "jdbc:h2:file:" + folder.resolve("defaults").resolve(EmbeddedH2.DATABASE_NAME),
                folder.resolve("defaults"), documents);
        // -Dextra=";SETTING=value" appends settings, to compare alternatives in the same run
        measure("EmbeddedH2.url", EmbeddedH2.url(folder.resolve("tuned")) + System.getProperty("extra", ""),
                folder.resolve("tuned"), documents);
    }

    private static void measure(String label, String url, Path folder, int documents) throws IOException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        PostMortemService service = PostMortemService.builder(JdbcPostMortemRepository.builder(pool).build())
                .build();
        long start = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            live(service);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long open = size(folder);
        pool.dispose(); // closes the database: H2 compacts for up to MAX_COMPACT_TIME (200 ms) on close
        long closed = size(folder);
        System.out.printf("%-16s %,d post-mortems (4 writes each, %.1f s): %,d bytes while open = %,d B each;"
                + " %,d bytes after close = %,d B each%n", label, documents, seconds, open, open / documents, closed,
                closed / documents);
    }

    /**
     * One post-mortem's typical life, as carol of tenant acme: create, edit an item, review,
     * publish (four writes). Returns its id.
     */
    public static UUID live(PostMortemService service) {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        service.editActionItem(CAROL, pm.id(), pm.content().actionItems().get(0).id(),
                ActionItemInput.none().status(ActionItemStatus.IN_PROGRESS), ExpectedVersion.of(1));
        service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.of(2));
        service.transition(CAROL, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.of(3));
        return pm.id();
    }

    /** The bytes of every file H2 keeps in the folder. */
    public static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}

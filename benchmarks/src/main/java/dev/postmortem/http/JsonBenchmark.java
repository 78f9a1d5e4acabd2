package dev.postmortem.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.benchmarks.SampleDocuments;
import dev.postmortem.core.access.AllowedEdits;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.postmortem.PostMortemList;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON of the spec's body: reading it strictly into a create command, and writing the stored
 * document. Baselines in the same run: a plain Jackson tree parse of the same bytes, and a
 * plain Jackson write of a prebuilt tree of the same document (what this codec did before it
 * streamed its documents).
 *
 * <p>And the first list page (20 summaries, three instants each) as the list endpoint writes it,
 * against the load benchmark's raw baseline writing the same rows as maps, its times as
 * {@code java.sql.Timestamp} (which Jackson writes as epoch milliseconds, no text to format).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonBenchmark {

    private static final AllowedEdits EDITS = new AllowedEdits(true, List.of());
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private final JsonCodec codec = new JsonCodec();
    private final JsonBodyReader reader = new JsonBodyReader();
    private final ObjectMapper plain = new ObjectMapper();
    private byte[] specBody;
    private PostMortem document;
    private JsonNode prebuilt;
    private PostMortemList listPage;
    private Map<String, Object> listPageRows;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = JsonBenchmark.class.getResourceAsStream("/spec-example.json")) {
            specBody = in.readAllBytes();
        }
        document = SampleDocuments.specExample();
        prebuilt = plain.readTree(codec.write(Documents.postMortem(document, List.of(PostMortemStatus.IN_REVIEW), EDITS, TODAY)));
        List<PostMortemSummary> summaries = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant newest = Instant.parse("2026-11-27T21:14:05.123456Z");
        for (int i = 0; i < 20; i++) {
            // a page of a busy day: a post-mortem a few minutes apart, microsecond times as stored
            Instant created = newest.minusSeconds(i * 317L).minusNanos(i * 1_000L);
            Instant published = i % 3 == 0 ? created.plusSeconds(3_600) : null;
            summaries.add(new PostMortemSummary(UUID.randomUUID(), "INC-" + (4000 + i), "Checkout API returned 503s",
                    PostMortemStatus.values()[i % 4], "api-downtime", created, "carol@example.com", created, published,
                    1, new PostMortemSummary.ActionItemCounts(3, 1, i % 2)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", summaries.get(i).id());
            row.put("incident_id", "INC-" + (4000 + i));
            row.put("title", "Checkout API returned 503s");
            row.put("status", PostMortemStatus.values()[i % 4].name());
            row.put("template_id", "api-downtime");
            row.put("created_at", Timestamp.from(created));
            row.put("created_by", "carol@example.com");
            row.put("updated_at", Timestamp.from(created));
            row.put("published_at", published == null ? null : Timestamp.from(published));
            row.put("version", 1L);
            row.put("action_items", 3);
            row.put("action_items_done", 1);
            row.put("action_items_overdue", i % 2);
            rows.add(row);
        }
        listPage = new PostMortemList(summaries, "bmV4dA");
        listPageRows = Map.of("items", rows);
    }

    @Benchmark
    public PostMortemInput read() throws IOException {
        return RequestBodies.create(reader.readObject(new ByteArrayInputStream(specBody)));
    }

    @Benchmark
    public JsonNode readBaseline() throws IOException {
        return plain.readTree(specBody);
    }

    @Benchmark
    public byte[] write() {
        return codec.write(Documents.postMortem(document, List.of(PostMortemStatus.IN_REVIEW), EDITS, TODAY));
    }

    @Benchmark
    public byte[] writeBaseline() throws IOException {
        return plain.writeValueAsBytes(prebuilt);
    }

    @Benchmark
    public byte[] writeListPage() {
        return codec.write(Documents.list(listPage));
    }

    @Benchmark
    public byte[] writeListPageBaseline() throws IOException {
        return plain.writeValueAsBytes(listPageRows);
    }
}

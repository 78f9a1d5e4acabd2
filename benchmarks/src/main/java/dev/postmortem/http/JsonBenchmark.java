package dev.postmortem.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.benchmarks.SampleDocuments;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.service.CreatePostMortemCommand;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonBenchmark {

    private final JsonCodec codec = new JsonCodec();
    private final ObjectMapper plain = new ObjectMapper();
    private byte[] specBody;
    private PostMortem document;
    private JsonNode prebuilt;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = JsonBenchmark.class.getResourceAsStream("/spec-example.json")) {
            specBody = in.readAllBytes();
        }
        document = SampleDocuments.specExample();
        prebuilt = plain.readTree(codec.write(Documents.postMortem(document, List.of(PostMortemStatus.IN_REVIEW))));
    }

    @Benchmark
    public CreatePostMortemCommand read() {
        return RequestBodies.create(codec.readObject(specBody));
    }

    @Benchmark
    public JsonNode readBaseline() throws IOException {
        return plain.readTree(specBody);
    }

    @Benchmark
    public byte[] write() {
        return codec.write(Documents.postMortem(document, List.of(PostMortemStatus.IN_REVIEW)));
    }

    @Benchmark
    public byte[] writeBaseline() throws IOException {
        return plain.writeValueAsBytes(prebuilt);
    }
}

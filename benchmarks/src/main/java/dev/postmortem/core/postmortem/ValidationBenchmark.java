package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.testing.SpecExample;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bean Validation of the spec's create command. Baseline in the same run: the same limits
 * checked by hand (lengths, blanks, counts), which is what Hibernate Validator replaces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

    private final InputValidator validator = new InputValidator();
    private PostMortemInput input;

    @Setup
    public void setUp() {
        input = SpecExample.command().whole();
    }

    @Benchmark
    public PostMortemInput validate() {
        return validator.check(input);
    }

    @Benchmark
    public boolean validateBaseline() {
        boolean ok = text(input.incidentId().value(), 100) && text(input.title().value(), 200)
                && text(input.summary().value(), 20_000)
                && input.timeline().value().size() <= 500 && input.actionItems().value().size() <= 200;
        for (TimelineEventInput event : input.timeline().value()) {
            ok &= event.time().value() != null && text(event.description().value(), 2000);
        }
        for (ActionItemInput item : input.actionItems().value()) {
            String owner = item.owner().value();
            ok &= text(item.description().value(), 1000) && (owner == null || text(owner, 200));
        }
        return ok;
    }

    private static boolean text(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max;
    }
}

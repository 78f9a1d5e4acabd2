package dev.postmortem.http.micrometer;

import dev.postmortem.core.port.UseCaseTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Times every use case of the core in a Micrometer registry, as the timer {@value #NAME} tagged
 * {@code usecase} ({@code create}, {@code list}, {@code add-action-item}, ...) and {@code outcome}
 * ({@code SUCCESS}, {@code REFUSED}, {@code FAILED}): what the service itself spends, whichever
 * way a host calls it (over HTTP or from its own code).
 */
public final class MicrometerUseCaseTimer implements UseCaseTimer {

    /** The timer's name. */
    public static final String NAME = "postmortem.usecases";

    private final MeterRegistry registry;

    public MicrometerUseCaseTimer(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void record(String useCase, Outcome outcome, long nanos) {
        Timer.builder(NAME).description("Use cases of the post-mortem service")
                .tag("usecase", useCase).tag("outcome", outcome.name())
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}

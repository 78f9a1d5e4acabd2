package dev.postmortem.http.micrometer;

import dev.postmortem.http.ApiMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The API's requests as the timer {@value #REQUESTS} in a Micrometer registry, tagged as
 * Spring Boot tags {@code http.server.requests}: {@code method}, {@code uri} (the route
 * template), {@code status} and {@code outcome}. Needs {@code io.micrometer:micrometer-core},
 * an optional dependency of this module.
 *
 * <pre>{@code
 * PostMortemHttpApi.builder(service, actors).metrics(new MicrometerApiMetrics(registry)).build();
 * }</pre>
 */
public final class MicrometerApiMetrics implements ApiMetrics {

    /** The timer's name. */
    public static final String REQUESTS = "postmortem.http.server.requests";

    private final MeterRegistry registry;

    public MicrometerApiMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void answered(String method, String route, int status, long nanos) {
        Timer.builder(REQUESTS)
                .description("Requests the post-mortem API answered")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}

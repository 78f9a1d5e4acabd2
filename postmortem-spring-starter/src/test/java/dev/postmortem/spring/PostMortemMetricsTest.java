package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.http.micrometer.MicrometerApiMetrics;
import dev.postmortem.http.micrometer.MicrometerEventMetrics;
import dev.postmortem.http.micrometer.MicrometerOverdueActionItems;
import dev.postmortem.http.micrometer.MicrometerUseCaseTimer;
import dev.postmortem.testing.SpecExample;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's metrics in the host's registry: requests by route, post-mortems created and published. */
class PostMortemMetricsTest {

    private static final Actor ALICE = Actor.user("alice@example.com", "default");
    private static final Actor ADMIN = Actor.admin("admin@example.com", "default");

    private final ApplicationContextRunner host = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    PostMortemAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void theHostsRegistryCountsPostMortemsAndTimesRequestsByRoute() {
        host.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            PostMortemService service = context.getBean(PostMortemService.class);
            PostMortem draft = service.create(ALICE, SpecExample.command());
            service.create(ALICE, SpecExample.command());
            PostMortem inReview = service.transition(ALICE, draft.id(), PostMortemStatus.IN_REVIEW,
                    ExpectedVersion.of(draft.version()));
            service.transition(ADMIN, draft.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.of(inReview.version()));
            context.getBean(PostMortemHttpApi.class).handle(new ApiRequest("GET", "/api/postmortems/" + draft.id(),
                    Map.of(), name -> null, null));

            assertThat(registry.get(MicrometerEventMetrics.CREATED).counter().count()).isEqualTo(2);
            assertThat(registry.get(MicrometerEventMetrics.PUBLISHED).counter().count()).isEqualTo(1);
            assertThat(registry.get(MicrometerApiMetrics.REQUESTS).tags("uri", "/api/postmortems/{id}").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get(MicrometerUseCaseTimer.NAME).tags("usecase", "create", "outcome", "SUCCESS")
                    .timer().count()).isEqualTo(2);
            // Boot's metrics auto-configuration binds MeterBinder beans; this runner has none, so bind it here
            context.getBean("postMortemOverdueActionItems", MeterBinder.class).bindTo(registry);
            assertThat(registry.get(MicrometerOverdueActionItems.NAME).gauge().value())
                    .isEqualTo(service.overdueActionItems()).isPositive(); // the spec example's items fell due in 2024
        });
    }

    @Test
    void withoutARegistryNothingIsRecordedAndNothingFails() {
        host.run(context -> {
            PostMortemService service = context.getBean(PostMortemService.class);
            assertThat(service.create(ALICE, SpecExample.command()).status()).isEqualTo(PostMortemStatus.DRAFT);
            assertThat(context.getBean(PostMortemHttpApi.class).handle(new ApiRequest("GET", "/api/postmortems",
                    Map.of(), name -> null, null)).status()).isEqualTo(401);
        });
    }
}

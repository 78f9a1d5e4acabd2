package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.followup.TenantTimeZones;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentCatalog;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.port.IdGenerator;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.template.TemplateCatalog;
import dev.postmortem.testing.InMemoryIncidentCatalog;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.http.ActorResolver;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.jdbc.EmbeddedH2;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

class PostMortemAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    PostMortemAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void everythingIsThereByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PostMortemRepository.class).hasSingleBean(PostMortemService.class)
                    .hasSingleBean(PostMortemHttpApi.class).hasSingleBean(IdGenerator.class)
                    .hasSingleBean(DomainEventPublisher.class).hasBean("postMortemClock")
                    .hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(ActorResolver.class)).isInstanceOf(SpringSecurityActorResolver.class);
            assertThat(context.getBean(PostMortemHttpApi.class).basePath()).isEqualTo("/api/postmortems");
            assertThat(tables(context.getBean(DataSource.class))).as("embedded database: migrated").isEqualTo(1);
        });
    }

    @Test
    void eachBeanBacksOffForTheHosts() {
        PostMortemRepository repository = new InMemoryPostMortemRepository();
        ActorResolver actors = request -> Optional.of(Actor.user("a@example.com", "t"));
        IdGenerator ids = UUID::randomUUID;
        DomainEventPublisher events = event -> { };
        runner.withBean(PostMortemRepository.class, () -> repository)
                .withBean(ActorResolver.class, () -> actors)
                .withBean(IdGenerator.class, () -> ids)
                .withBean(DomainEventPublisher.class, () -> events)
                .withBean("postMortemClock", Clock.class, Clock::systemUTC)
                .run(context -> {
                    assertThat(context.getBean(PostMortemRepository.class)).isSameAs(repository);
                    assertThat(context.getBean(ActorResolver.class)).isSameAs(actors);
                    assertThat(context.getBean(IdGenerator.class)).isSameAs(ids);
                    assertThat(context.getBean(DomainEventPublisher.class)).isSameAs(events);
                    assertThat(tables(context.getBean(DataSource.class))).as("our repository not built").isZero();
                });
        PostMortemService service = PostMortemService.builder(repository).build();
        runner.withBean(PostMortemService.class, () -> service)
                .run(context -> assertThat(context.getBean(PostMortemService.class)).isSameAs(service));
    }

    @Test
    void theHostsHttpApiReplacesOurs() {
        runner.withBean("hostApi", PostMortemHttpApi.class, () -> PostMortemHttpApi.builder(
                        PostMortemService.builder(new InMemoryPostMortemRepository()).build(),
                        request -> Optional.empty()).basePath("/pm").build())
                .run(context -> assertThat(context).hasSingleBean(PostMortemHttpApi.class)
                        .getBean(PostMortemHttpApi.class).extracting(PostMortemHttpApi::basePath).isEqualTo("/pm"));
    }

    @Test
    void domainEventsArriveAsSpringApplicationEvents() {
        runner.withUserConfiguration(EventRecorder.class).run(context -> {
            context.getBean(PostMortemService.class).create(Actor.user("carol@example.com", "default"),
                    SpecExample.command());
            assertThat(context.getBean(EventRecorder.class).events)
                    .singleElement().isInstanceOf(DomainEvent.PostMortemCreated.class);
        });
    }

    static class EventRecorder {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DomainEvent event) {
            events.add(event);
        }
    }

    @Test
    void hostTemplatesJoinTheCatalog() {
        Template ours = new Template("payment-failure", "Payment failure", "Cards declined",
                "Payments: {incidentId}", null, null, null);
        runner.withBean(TemplateCatalog.class, () -> () -> List.of(ours))
                .run(context -> assertThat(context.getBean(PostMortemService.class).template("payment-failure"))
                        .contains(ours));
    }

    @Test
    void aHostsIncidentCatalogIsTheOneAPostMortemIsWrittenFor() {
        Actor carol = Actor.user("carol@example.com", "acme");
        runner.withBean(IncidentCatalog.class, () -> new InMemoryIncidentCatalog()
                        .add("acme", Incident.of("INC-9", "Checkout down")))
                .run(context -> {
                    PostMortemService service = context.getBean(PostMortemService.class);
                    assertThat(service.hasIncidentCatalog()).isTrue();
                    assertThat(service.create(carol, PostMortemInput.builder().incidentId("INC-9").build())
                            .content().title()).isEqualTo("Checkout down");
                    assertThatThrownBy(() -> service.create(carol, PostMortemInput.builder().incidentId("INC-10")
                            .title("t").build())).isInstanceOf(InvalidInputException.class);
                });
        runner.run(context -> assertThat(context.getBean(PostMortemService.class).hasIncidentCatalog()).isFalse());
    }

    @Test
    void disabledMeansNothing() {
        runner.withPropertyValues("postmortem.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(PostMortemService.class).doesNotHaveBean(PostMortemRepository.class)
                .doesNotHaveBean(PostMortemHttpApi.class).doesNotHaveBean(ActorResolver.class)
                .doesNotHaveBean(EmbeddedH2Housekeeping.class));
    }

    @Test
    void schemaInitialisationFollowsTheSetting() {
        runner.withPropertyValues("postmortem.jdbc.initialize-schema=never")
                .run(context -> assertThat(tables(context.getBean(DataSource.class))).isZero());
        runner.withPropertyValues("postmortem.jdbc.initialize-schema=always")
                .run(context -> assertThat(tables(context.getBean(DataSource.class))).isEqualTo(1));
        runner.withPropertyValues("postmortem.jdbc.initialize-schema=embedded")
                .run(context -> assertThat(tables(context.getBean(DataSource.class))).isEqualTo(1));
    }

    @Test
    void anH2FileDatabaseCountsAsEmbedded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + folder.resolve("db"))
                .run(context -> assertThat(tables(context.getBean(DataSource.class))).isEqualTo(1));
    }

    @Test
    void compactsAnEmbeddedH2FileThatH2DoesNotCompactItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        runner.withPropertyValues("spring.datasource.url=" + EmbeddedH2.url(folder.resolve("write-delay-0")))
                .run(context -> {
                    EmbeddedH2Housekeeping housekeeping = context.getBean(EmbeddedH2Housekeeping.class);
                    assertThat(housekeeping.isCompacting()).as("WRITE_DELAY=0: H2 runs no thread").isTrue();
                    context.close();
                    assertThat(housekeeping.isCompacting()).as("stopped with the context").isFalse();
                });
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + folder.resolve("defaults").resolve("db"))
                .run(context -> assertThat(context.getBean(EmbeddedH2Housekeeping.class).isCompacting())
                        .as("H2's defaults: its own thread compacts").isFalse());
        runner.run(context -> assertThat(context.getBean(EmbeddedH2Housekeeping.class).isCompacting())
                .as("in memory: no file").isFalse());
        runner.withPropertyValues("spring.datasource.url=" + EmbeddedH2.url(folder.resolve("turned-off")),
                        "postmortem.jdbc.compact-embedded-h2=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedH2Housekeeping.class));
    }

    @Test
    void withoutSpringSecurityTheHostMustSayWhoIsCalling() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ActorResolver")
                    .hasMessageContaining("spring-boot-starter-security");
        });
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
                .withBean(ActorResolver.class, () -> request -> Optional.empty())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PostMortemHttpApi.class));
    }

    @Test
    void propertiesConfigureTheApi() {
        runner.withPropertyValues("postmortem.api.base-path=/incidents/postmortems",
                        "postmortem.http.max-body-size=2MB", "postmortem.workflow.require-review=false")
                .run(context -> {
                    assertThat(context.getBean(PostMortemHttpApi.class).basePath()).isEqualTo("/incidents/postmortems");
                    assertThat(context.getBean(PostMortemService.class).workflow().isReviewRequired()).isFalse();
                });
    }

    @Test
    void followUpIsConfiguredByItsProperties() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PostMortemReminders.class);
            assertThat(context.getBean(PostMortemReminders.class).isRunning()).as("scheduled").isTrue();
            assertThat(context.getBean(PostMortemHttpApi.class).actionItemsPath()).isEqualTo("/api/action-items");
            assertThat(context.getBean(PostMortemService.class).followUp()).isPresent();
        });
        runner.withPropertyValues("postmortem.followup.reminders.enabled=false",
                        "postmortem.followup.time-zone=Pacific/Kiritimati",
                        "postmortem.api.action-items-path=/follow-up/items")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PostMortemReminders.class);
                    assertThat(context.getBean(PostMortemHttpApi.class).actionItemsPath())
                            .isEqualTo("/follow-up/items");
                    Actor carol = Actor.user("carol@example.com", "acme");
                    assertThat(context.getBean(PostMortemService.class).today(carol))
                            .isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")));
                });
        runner.withBean(TenantTimeZones.class, () -> tenant -> ZoneId.of("Asia/Tokyo"))
                .run(context -> assertThat(context.getBean(PostMortemService.class)
                        .today(Actor.user("carol@example.com", "acme")))
                        .isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo"))));
        runner.withPropertyValues("postmortem.followup.reminders.interval=10s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("postmortem.followup.reminders.interval"));
    }

    @Test
    void aServletApplicationGetsTheMvcMapping() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        PostMortemAutoConfiguration.class, PostMortemWebMvcAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
                .run(context -> assertThat(context).hasBean("postMortemHandlerMapping")
                        .getBean("postMortemHandlerMapping", SimpleUrlHandlerMapping.class)
                        .satisfies(mapping -> assertThat(mapping.getUrlMap()).containsKeys("/api/postmortems",
                                "/api/postmortems/**", "/api/postmortem-templates/**")));
        runner.withConfiguration(AutoConfigurations.of(PostMortemWebMvcAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("postMortemHandlerMapping"));
    }

    private static long tables(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) = 'pm_post_mortem'", Long.class);
    }
}

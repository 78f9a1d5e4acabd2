package dev.postmortem.spring;

import dev.postmortem.core.followup.TenantTimeZones;
import dev.postmortem.core.incident.IncidentCatalog;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.port.IdGenerator;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.port.UseCaseTimer;
import dev.postmortem.core.review.BlamingPhrases;
import dev.postmortem.core.review.ReadinessCheck;
import dev.postmortem.core.review.ReadinessRule;
import dev.postmortem.core.template.TemplateCatalog;
import dev.postmortem.http.ActorResolver;
import dev.postmortem.http.ApiMetrics;
import dev.postmortem.http.CsrfTokenSource;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.http.micrometer.MicrometerApiMetrics;
import dev.postmortem.http.micrometer.MicrometerOverdueActionItems;
import dev.postmortem.http.micrometer.MicrometerUseCaseTimer;
import dev.postmortem.jdbc.JdbcPostMortemRepository;
import dev.postmortem.jdbc.PostMortemSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the post-mortem API to a Spring Boot application: the repository on its DataSource,
 * the service and the HTTP API ({@link PostMortemWebMvcAutoConfiguration} serves it). Every bean backs off when the
 * host defines its own; {@code postmortem.enabled=false} removes everything.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "postmortem", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PostMortemProperties.class)
public class PostMortemAutoConfiguration {

    /**
     * After the host's database initialisers (its Flyway, Liquibase or SQL scripts), as Spring
     * Session and db-scheduler order theirs: the host's Flyway meets the empty schema it expects
     * (with our tables first it refused to start: "non-empty schema(s) ... but no schema history
     * table"). Under the default {@code embedded}, a database outside the process is not
     * migrated, so it must hold our tables already, or the start fails saying how to get them.
     */
    @Bean
    @ConditionalOnMissingBean(PostMortemRepository.class)
    @ConditionalOnBean(DataSource.class)
    @DependsOnDatabaseInitialization
    public JdbcPostMortemRepository postMortemRepository(DataSource dataSource, PostMortemProperties properties) {
        PostMortemProperties.InitializeSchema mode = properties.getJdbc().getInitializeSchema();
        boolean migrate = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case EMBEDDED -> runsInProcess(dataSource);
        };
        if (mode == PostMortemProperties.InitializeSchema.EMBEDDED && !migrate
                && !PostMortemSchema.isCurrent(dataSource)) {
            throw new IllegalStateException("The postmortem tables are missing from this database, or older"
                    + " than version " + PostMortemSchema.newestVersion() + " (no pm_schema_history at it). Set"
                    + " postmortem.jdbc.initialize-schema=always to let postmortem create and upgrade them (in"
                    + " their own history table, pm_schema_history), or apply"
                    + " dev/postmortem/jdbc/migration/{h2,postgresql}/V*.sql with your own tooling and set"
                    + " postmortem.jdbc.initialize-schema=never.");
        }
        String language = properties.getSearch().getLanguage();
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource).migrateSchema(migrate)
                .searchLanguage(language).build();
        if (!migrate) {
            // the host's own migrations ran before this bean; derive what the shipped ones leave to us
            PostMortemSchema.catchUp(dataSource, language);
        }
        return repository;
    }

    /**
     * Boot counts only in-memory databases as embedded; an H2 file database also runs inside
     * the application, has no one else to set it up, and is what the example host uses.
     */
    static boolean runsInProcess(DataSource dataSource) {
        if (EmbeddedDatabaseConnection.isEmbedded(dataSource)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException e) {
            throw new IllegalStateException("postmortem cannot connect to the DataSource: " + e.getMessage(), e);
        }
    }

    /** Named, so that a Clock the host defines for other purposes is not taken for ours. */
    @Bean
    @ConditionalOnMissingBean(name = "postMortemClock")
    public Clock postMortemClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public IdGenerator postMortemIdGenerator() {
        return IdGenerator.timeOrdered();
    }

    /** Domain events become Spring application events, for {@code @EventListener} methods. */
    @Bean
    @ConditionalOnMissingBean
    public DomainEventPublisher postMortemEventPublisher(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PostMortemRepository.class)
    public PostMortemService postMortemService(PostMortemRepository repository, PostMortemProperties properties,
                                               ObjectProvider<TemplateCatalog> hostTemplates,
                                               ObjectProvider<IncidentCatalog> incidents,
                                               ObjectProvider<TenantTimeZones> timeZones,
                                               @Qualifier("postMortemClock") Clock clock, IdGenerator ids,
                                               DomainEventPublisher events,
                                               ObjectProvider<UseCaseTimer> timer,
                                               ObjectProvider<ReadinessCheck> readiness,
                                               ObjectProvider<ReadinessRule> rules,
                                               ObjectProvider<BlamingPhrases> phrases) {
        PostMortemService.Builder builder = PostMortemService.builder(repository)
                .clock(clock)
                .idGenerator(ids)
                .events(events)
                .useCaseTimer(timer.getIfAvailable(UseCaseTimer::none))
                .requireReview(properties.getWorkflow().isRequireReview())
                .approvals(properties.getWorkflow().approvalPolicy())
                .timeZones(timeZones.getIfAvailable(() -> TenantTimeZones.of(properties.getFollowup().getTimeZone())))
                .reminderLeadDays(properties.getFollowup().getReminders().getLeadDays());
        hostTemplates.orderedStream().forEach(builder::templates);
        incidents.ifAvailable(builder::incidents);
        builder.readiness(readiness.getIfAvailable(() -> readinessCheck(properties, rules, phrases)));
        return builder.build();
    }

    /** The host's rule beans after the built-in ones, a BlamingPhrases bean for the phrases, the properties' severities. */
    private static ReadinessCheck readinessCheck(PostMortemProperties properties, ObjectProvider<ReadinessRule> rules,
                                                 ObjectProvider<BlamingPhrases> phrases) {
        ReadinessCheck.Builder check = ReadinessCheck.builder();
        phrases.ifAvailable(check::blamingPhrases);
        rules.orderedStream().forEach(check::add);
        properties.getReview().getReadinessSeverity().forEach(check::severity);
        return check.build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PostMortemService.class)
    public PostMortemHttpApi postMortemHttpApi(PostMortemService service, PostMortemProperties properties,
                                               ObjectProvider<ActorResolver> resolvers,
                                               ObjectProvider<ApiMetrics> metrics,
                                               ObjectProvider<CsrfTokenSource> csrfTokens) {
        ActorResolver actors = resolvers.getIfAvailable(() -> {
            throw new IllegalStateException("postmortem needs to know who is calling: add Spring Security"
                    + " (spring-boot-starter-security) so that it reads the SecurityContext, or define a bean"
                    + " of type dev.postmortem.http.ActorResolver, or set postmortem.enabled=false.");
        });
        return PostMortemHttpApi.builder(service, actors)
                .basePath(properties.getApi().getBasePath())
                .templatesPath(properties.getApi().getTemplatesPath())
                .incidentsPath(properties.getApi().getIncidentsPath())
                .actionItemsPath(properties.getApi().getActionItemsPath())
                .insightsPath(properties.getApi().getInsightsPath())
                .uiPath(properties.getApi().getUiPath() == null || properties.getApi().getUiPath().isBlank()
                        ? null : properties.getApi().getUiPath())
                .maxBodyBytes(properties.getHttp().getMaxBodySize().toBytes())
                .metrics(metrics.getIfAvailable(ApiMetrics::none))
                .csrfTokens(csrfTokens.getIfAvailable(CsrfTokenSource::none))
                .build();
    }

    /**
     * The action item reminders, every {@code postmortem.followup.reminders.interval} (a day by
     * default), while the context runs; off with {@code postmortem.followup.reminders.enabled=false}.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PostMortemService.class)
    @ConditionalOnProperty(prefix = "postmortem.followup.reminders", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    public PostMortemReminders postMortemReminders(PostMortemService service, PostMortemProperties properties) {
        return new PostMortemReminders(service, properties.getFollowup().getReminders().getInterval());
    }

    /**
     * Compaction of an embedded H2 file that H2 does not compact itself ({@code WRITE_DELAY=0});
     * {@code postmortem.jdbc.compact-embedded-h2=false} turns it off.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.h2.mvstore.MVStore")
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "postmortem.jdbc", name = "compact-embedded-h2", havingValue = "true",
            matchIfMissing = true)
    static class EmbeddedH2Files {

        /** As often as the standalone server compacts its file. */
        private static final Duration INTERVAL = Duration.ofSeconds(1);

        @Bean
        @ConditionalOnMissingBean
        EmbeddedH2Housekeeping postMortemEmbeddedH2Housekeeping(DataSource dataSource) {
            return new EmbeddedH2Housekeeping(dataSource, INTERVAL);
        }
    }

    /**
     * With Micrometer and a registry (Actuator has one): the API's requests by route template
     * ({@code postmortem.http.server.requests}), the core's use cases ({@code postmortem.usecases})
     * and the post-mortems created and published.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        ApiMetrics postMortemApiMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry unique = registry.getIfUnique();
            return unique == null ? ApiMetrics.none() : new MicrometerApiMetrics(unique);
        }

        @Bean
        @ConditionalOnMissingBean
        UseCaseTimer postMortemUseCaseTimer(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry unique = registry.getIfUnique();
            return unique == null ? UseCaseTimer.none() : new MicrometerUseCaseTimer(unique);
        }

        /**
         * Spring Boot binds every MeterBinder bean to its registry. The service is looked up at
         * binding time: this nested class is read before the service's bean is defined.
         */
        @Bean
        @ConditionalOnMissingBean(name = "postMortemOverdueActionItems")
        MeterBinder postMortemOverdueActionItems(ObjectProvider<PostMortemService> service) {
            return registry -> service.ifAvailable(found -> new MicrometerOverdueActionItems(found).bindTo(registry));
        }

        @Bean
        @ConditionalOnMissingBean
        PostMortemEventMetrics postMortemEventMetrics(ObjectProvider<MeterRegistry> registry) {
            return new PostMortemEventMetrics(registry.getIfUnique());
        }
    }

    /** The caller from Spring Security's SecurityContext, when Spring Security is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class SpringSecurityActors {

        /** One tenant for everybody, {@code postmortem.security.tenant}, unless the host says otherwise. */
        @Bean
        @ConditionalOnMissingBean
        TenantResolver postMortemTenantResolver(PostMortemProperties properties) {
            return TenantResolver.fixed(properties.getSecurity().getTenant());
        }

        @Bean
        @ConditionalOnMissingBean
        ActorResolver postMortemActorResolver(PostMortemProperties properties, TenantResolver tenants) {
            return new SpringSecurityActorResolver(properties.getSecurity().getAdminAuthority(), tenants);
        }
    }

    /** Spring Security's CSRF token in the web UI's page, which sends it back on its writes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.security.web.csrf.CsrfToken",
            "org.springframework.web.context.request.RequestContextHolder"})
    static class SpringSecurityCsrf {

        @Bean
        @ConditionalOnMissingBean
        CsrfTokenSource postMortemCsrfTokens() {
            return new SpringSecurityCsrfTokens();
        }
    }
}

package dev.postmortem.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.followup.TenantTimeZones;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.review.ReadinessCheck;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.http.javalin.PostMortemPlugin;
import dev.postmortem.http.micrometer.MicrometerApiMetrics;
import dev.postmortem.http.micrometer.MicrometerEventMetrics;
import dev.postmortem.http.micrometer.MicrometerOverdueActionItems;
import dev.postmortem.http.micrometer.MicrometerUseCaseTimer;
import dev.postmortem.jdbc.EmbeddedH2;
import dev.postmortem.jdbc.EmbeddedH2Compaction;
import dev.postmortem.jdbc.JdbcPostMortemRepository;
import dev.postmortem.jdbc.PostMortemSchema;
import dev.postmortem.jdbc.WritableDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone post-mortem server, and the example of a plain Java host: a DataSource, the
 * repository, the service, the HTTP API with an identity resolver, and the Javalin plugin.
 * Configured by environment variables, see {@link ServerSettings}.
 */
public final class PostMortemServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemServer.class);
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /** How often the embedded H2 file is compacted while the server runs. */
    private static final Duration H2_COMPACTION_INTERVAL = Duration.ofSeconds(1);

    private final Javalin app;
    private final HikariDataSource dataSource;
    private final EmbeddedH2Compaction compaction; // null on an external database
    private final AutoCloseable metrics; // the Prometheus endpoint, or null when off
    private final ReminderSchedule reminders; // null when off

    private PostMortemServer(Javalin app, HikariDataSource dataSource, EmbeddedH2Compaction compaction,
                             AutoCloseable metrics, ReminderSchedule reminders) {
        this.app = app;
        this.dataSource = dataSource;
        this.compaction = compaction;
        this.metrics = metrics;
        this.reminders = reminders;
    }

    public static void main(String[] args) {
        ServerSettings settings;
        try {
            settings = ServerSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("postmortem-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        PostMortemServer server;
        try {
            server = start(settings);
        } catch (RuntimeException e) {
            LOG.error("postmortem-server cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postmortem-shutdown"));
    }

    static PostMortemServer start(ServerSettings settings) {
        // Hibernate Validator logs through JBoss Logging; send that to SLF4J like the rest.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // Without this setting Jetty starts the JMX platform server only to ask whether object
        // references take 4 bytes, to size the padding of its queues: a tenth of our start-up.
        // 16 per 64-byte cache line assumes 4 (compressed references, any heap under 32 GB);
        // with 8-byte ones it pads twice as much as needed, which costs bytes, not correctness.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
        JettyWarmUp.startInBackground();
        HikariDataSource dataSource = dataSource(settings);
        // Opening the database and migrating the schema are a third of start-up and nothing but
        // the first request needs them, so they run beside the building of the service, the API
        // and Javalin, and beside Jetty's start; requests that arrive before they are done wait
        // for them, and start() returns only once they are done (or fail, stopping the server).
        CompletableFuture<Void> schema = CompletableFuture.runAsync(() -> {
            WritableDatabase.require(dataSource);
            PostMortemSchema.migrate(dataSource);
            PostMortemSchema.catchUp(dataSource, settings.searchLanguage());
        }, task -> new Thread(task, "postmortem-schema").start());
        // its classes load only when it is on: a server without it starts as fast as before
        PrometheusEndpoint prometheus = settings.prometheusPort() == null ? null
                : PrometheusEndpoint.start(settings.host(), settings.prometheusPort());
        try {
            PostMortemService.Builder serviceBuilder = PostMortemService.builder(
                            JdbcPostMortemRepository.builder(dataSource).migrateSchema(false)
                                    .searchLanguage(settings.searchLanguage()).build())
                    .requireReview(settings.requireReview())
                    .timeZones(TenantTimeZones.of(settings.followUp().timeZone()))
                    .reminderLeadDays(settings.followUp().reminderLeadDays())
                    .readiness(readinessCheck(settings))
                    .approvals(settings.approvals());
            if (settings.incidentsFile() != null) {
                serviceBuilder.incidents(JsonFileIncidentCatalog.read(settings.incidentsFile()));
            }
            DomainEventPublisher metricsEvents = prometheus == null ? DomainEventPublisher.none()
                    : new MicrometerEventMetrics(prometheus.registry());
            serviceBuilder.events(event -> {
                metricsEvents.publish(event);
                if (event instanceof DomainEvent.ActionItemOverdue overdue) {
                    // the server has no chat or mail of its own: its log is where a reminder shows
                    LOG.info("Action item {} of \"{}\" ({}) is {}: due {}, owner {}", overdue.item().id(),
                            overdue.postMortemTitle(), overdue.postMortemId(), overdue.overdue() ? "overdue" : "due soon",
                            overdue.item().dueDate(), overdue.item().owner());
                }
            });
            if (prometheus != null) {
                serviceBuilder.useCaseTimer(new MicrometerUseCaseTimer(prometheus.registry()));
            }
            PostMortemService service = serviceBuilder.build();
            if (prometheus != null) {
                new MicrometerOverdueActionItems(service).bindTo(prometheus.registry());
            }
            PostMortemHttpApi.Builder apiBuilder = PostMortemHttpApi.builder(service,
                    new BasicAuthUsers(settings.users()));
            if (prometheus != null) {
                apiBuilder.metrics(new MicrometerApiMetrics(prometheus.registry()));
            }
            PostMortemHttpApi api = apiBuilder.build();
            Javalin app = Javalin.create(config -> {
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                config.startup.showJavalinBanner = false;
                config.routes.before(ctx -> {
                    if (!schema.isDone()) {
                        awaitSchema(schema);
                    }
                });
                config.registerPlugin(PostMortemPlugin.asWholeServer(api));
            });
            app.start();
            try {
                awaitSchema(schema);
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
            logStart(settings, app.port(), api);
            if (prometheus != null) {
                LOG.info("Prometheus metrics at http://{}:{}/metrics", settings.host(), prometheus.port());
            }
            Duration reminders = settings.followUp().reminderInterval();
            return new PostMortemServer(app, dataSource, settings.embeddedDatabase()
                    ? EmbeddedH2Compaction.start(dataSource, H2_COMPACTION_INTERVAL) : null, prometheus,
                    reminders == null ? null : new ReminderSchedule(service.followUp().orElseThrow(), reminders));
        } catch (RuntimeException e) {
            if (prometheus != null) {
                prometheus.close();
            }
            // The migration must end before its DataSource closes under it.
            schema.exceptionally(error -> {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause != e) {
                    e.addSuppressed(cause);
                }
                return null;
            }).join();
            dataSource.close();
            throw e;
        }
    }

    private static void awaitSchema(CompletableFuture<Void> schema) {
        try {
            schema.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    int port() {
        return app.port();
    }

    /** The port of the Prometheus endpoint; only when it is on. */
    int prometheusPort() {
        return ((PrometheusEndpoint) metrics).port();
    }

    void stop() {
        if (reminders != null) {
            reminders.close();
        }
        app.stop();
        if (metrics != null) {
            try {
                metrics.close();
            } catch (Exception e) {
                LOG.warn("Closing the metrics endpoint failed", e);
            }
        }
        if (compaction != null) {
            compaction.close();
        }
        dataSource.close();
    }

    /**
     * A pool that opens its first connection, and with it the database, on first use rather
     * than here: the migration's thread uses it first, so that an embedded H2 opens its file
     * (a tenth of start-up) beside the main thread's work. It fails as fast as an eager pool:
     * that first getConnection throws at once when the database cannot be reached.
     */
    private static ReadinessCheck readinessCheck(ServerSettings settings) {
        ReadinessCheck.Builder check = ReadinessCheck.builder();
        settings.readinessSeverity().forEach(check::severity);
        return check.build();
    }

    private static HikariDataSource dataSource(ServerSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("postmortem");
        if (settings.embeddedDatabase()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir(), e);
            }
            pool.setJdbcUrl(EmbeddedH2.url(settings.dataDir()));
            pool.setUsername("sa");
            pool.setPassword("");
            pool.setExceptionOverride(new EvictWhenH2Closes());
        } else {
            pool.setJdbcUrl(settings.jdbcUrl());
            pool.setUsername(settings.jdbcUser());
            pool.setPassword(settings.jdbcPassword());
        }
        return pool;
    }

    private static void logStart(ServerSettings settings, int port, PostMortemHttpApi api) {
        LOG.info("postmortem server listening on http://{}:{}{} ({} database{}, review {})", settings.host(), port,
                api.basePath(), settings.embeddedDatabase() ? "embedded H2" : "external",
                settings.embeddedDatabase() ? " in " + settings.dataDir().toAbsolutePath() : "",
                settings.requireReview() ? "required" : "optional");
        if (settings.usersAreDemo()) {
            LOG.warn("POSTMORTEM_USERS is not set: using the demo users alice@example.com (password alice) and"
                    + " admin@example.com (password admin, admin). Set POSTMORTEM_USERS for anything but a demo.");
        } else {
            LOG.info("{} user(s) configured from POSTMORTEM_USERS", settings.users().size());
        }
    }
}

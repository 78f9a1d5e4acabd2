package dev.postmortem.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.service.PostMortemService;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.http.javalin.PostMortemPlugin;
import dev.postmortem.jdbc.EmbeddedH2;
import dev.postmortem.jdbc.JdbcPostMortemRepository;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone post-mortem server, and the example of a plain Java host: a DataSource, the
 * repository, the service, the HTTP API with an identity resolver, and the Javalin plugin.
 * Configured by environment variables, see {@link ServerSettings}.
 */
public final class PostMortemServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemServer.class);

    private final Javalin app;
    private final HikariDataSource dataSource;

    private PostMortemServer(Javalin app, HikariDataSource dataSource) {
        this.app = app;
        this.dataSource = dataSource;
    }

    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging; send that to SLF4J like the rest.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        ServerSettings settings;
        try {
            settings = ServerSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("postmortem-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        PostMortemServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postmortem-shutdown"));
    }

    static PostMortemServer start(ServerSettings settings) {
        HikariDataSource dataSource = dataSource(settings);
        try {
            PostMortemService service = PostMortemService.builder(JdbcPostMortemRepository.builder(dataSource).build())
                    .requireReview(settings.requireReview())
                    .build();
            PostMortemHttpApi api = PostMortemHttpApi.builder(service, new BasicAuthUsers(settings.users())).build();
            Javalin app = Javalin.create(config -> {
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                config.startup.showJavalinBanner = false;
                config.registerPlugin(new PostMortemPlugin(api));
            }).start();
            logStart(settings, app.port(), api);
            return new PostMortemServer(app, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    int port() {
        return app.port();
    }

    void stop() {
        app.stop();
        dataSource.close();
    }

    private static HikariDataSource dataSource(ServerSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postmortem");
        if (settings.embeddedDatabase()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir(), e);
            }
            config.setJdbcUrl(EmbeddedH2.url(settings.dataDir()));
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            config.setUsername(settings.jdbcUser());
            config.setPassword(settings.jdbcPassword());
        }
        return new HikariDataSource(config);
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

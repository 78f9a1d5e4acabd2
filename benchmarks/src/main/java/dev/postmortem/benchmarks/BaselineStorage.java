package dev.postmortem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.jdbc.EmbeddedH2;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** What the hand-written baselines share: their connection pool, and rows as JSON-ready maps. */
final class BaselineStorage {

    private BaselineStorage() {
    }

    /** {@code POSTMORTEM_JDBC_URL}, or an embedded H2 file in {@code POSTMORTEM_DATA_DIR}, as the server does. */
    static HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        String url = System.getenv("POSTMORTEM_JDBC_URL");
        config.setJdbcUrl(url != null ? url : EmbeddedH2.url(Path.of(System.getenv().getOrDefault("POSTMORTEM_DATA_DIR",
                "data"))));
        if (url == null) {
            config.setUsername("sa");
            config.setPassword("");
        }
        return new HikariDataSource(config);
    }

    static boolean isPostgres(HikariDataSource dataSource) {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** The project's schema as release 0.1 shipped it (V1): the five tables the raw baseline writes. */
    static void migrateToV1(HikariDataSource dataSource) {
        migrate(dataSource, isPostgres(dataSource) ? "postgresql" : "h2");
    }

    private static void migrate(DataSource dataSource, String folder) {
        Flyway.configure(BaselineStorage.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:dev/postmortem/jdbc/migration/" + folder).table("pm_schema_history")
                .target("1").load().migrate();
    }

    /** Column values Jackson 2 writes without the java.time module: times as ISO text. */
    static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((name, value) -> out.put(name, value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.sql.Date || value instanceof java.sql.Timestamp
                || value instanceof org.postgresql.util.PGobject ? String.valueOf(value) : value));
        return out;
    }
}

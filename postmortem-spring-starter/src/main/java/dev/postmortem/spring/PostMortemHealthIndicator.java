package dev.postmortem.spring;

import dev.postmortem.jdbc.PostMortemSchema;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code postmortem} in Actuator's health: UP when the database answers and holds the
 * {@code pm_} tables at the newest migration this release ships; DOWN when it cannot be
 * reached, or when the tables are missing or older, which a host that migrates them itself
 * ({@code postmortem.jdbc.initialize-schema=never}) learns here rather than from a failed
 * request.
 */
public class PostMortemHealthIndicator extends AbstractHealthIndicator {

    private final DataSource dataSource;

    public PostMortemHealthIndicator(DataSource dataSource) {
        super("The postmortem database could not be checked");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        String newest = PostMortemSchema.newestVersion();
        if (PostMortemSchema.isCurrent(dataSource)) {
            health.up().withDetail("schemaVersion", newest);
        } else {
            health.down().withDetail("schema", "the pm_ tables are missing or older than version " + newest
                    + " (pm_schema_history); postmortem.jdbc.initialize-schema=always brings them up to date");
        }
    }
}

package dev.postmortem.spring;

import dev.postmortem.jdbc.JdbcPostMortemRepository;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Our health indicator, with Spring Boot's health support on the classpath and the post-mortems
 * stored by a {@link JdbcPostMortemRepository} (a host's own kind of repository has a health of
 * its own). {@code management.health.postmortem.enabled=false} removes it.
 */
@AutoConfiguration(after = PostMortemAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean({JdbcPostMortemRepository.class, DataSource.class})
@ConditionalOnEnabledHealthIndicator("postmortem")
public class PostMortemHealthAutoConfiguration {

    /** Named so that Actuator shows it as {@code postmortem}, the name its enabled property uses. */
    @Bean
    @ConditionalOnMissingBean(name = "postmortemHealthIndicator")
    public PostMortemHealthIndicator postmortemHealthIndicator(DataSource dataSource) {
        return new PostMortemHealthIndicator(dataSource);
    }
}

package dev.postmortem.example.readme;

import dev.postmortem.jdbc.PostgresTestDatabase;
import dev.postmortem.testing.http.ContractReview;
import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.testing.http.HttpContractSuite;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP contract suite against the host written from the README: Spring Security's default
 * chain (a login form and HTTP Basic, CSRF protection on), its own Flyway, PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"postmortem.followup.time-zone=" + ContractUsers.TIME_ZONE,
                ContractReview.REQUIRED_APPROVALS_PROPERTY, ContractReview.RESOLVED_THREADS_PROPERTY,
                ContractReview.ADMIN_BYPASS_PROPERTY})
@Import(ContractIncidentCatalog.class)
class ReadmeHostOnPostgresTest extends HttpContractSuite {

    private static PostgresTestDatabase database;

    // Static, set once from the Spring context: the suite's @Nested classes get a context of their own.
    private static int port;

    @BeforeAll
    static void rememberPort(@LocalServerPort int serverPort) {
        port = serverPort;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = PostgresTestDatabase.createOrSkip();
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}

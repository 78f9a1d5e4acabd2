package dev.postmortem.example.spring;

import dev.postmortem.testing.http.ContractReview;
import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.testing.http.HttpContractSuite;
import dev.postmortem.jdbc.PostgresTestDatabase;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HTTP contract suite against the Spring Boot host on PostgreSQL (skipped when unreachable). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"demo.users=" + ContractUsers.SPEC_CONSTANT, "postmortem.jdbc.initialize-schema=always",
                "postmortem.followup.time-zone=" + ContractUsers.TIME_ZONE,
                ContractReview.REQUIRED_APPROVALS_PROPERTY, ContractReview.RESOLVED_THREADS_PROPERTY,
                ContractReview.ADMIN_BYPASS_PROPERTY})
@Import(ContractIncidentCatalog.class)
class SpringHostOnPostgresTest extends HttpContractSuite {

    private static PostgresTestDatabase database;

    // Static, set once from the Spring context: the suite's @Nested classes are declared in
    // HttpContractSuite, so Spring gives them a context of their own, with no server port to
    // inject into this (enclosing) instance.
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

package dev.postmortem.example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.jdbc.PostgresTestDatabase;
import dev.postmortem.testing.browser.HeadlessChromium;
import dev.postmortem.testing.http.ContractClient;
import dev.postmortem.testing.http.ContractUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host written from the README starts on a fresh PostgreSQL with its own Flyway V1, shows
 * postmortem's health and metrics through Actuator, serves the web UI to a user signed in
 * through Spring Security's login form (a session cookie, CSRF protection on), and is what the
 * README tells a host to write. The HTTP contract runs in {@link ReadmeHostOnPostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresTestDatabase database;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path downloads;

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;

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

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void hasTheHostsOwnMigrationAndPostmortemsTables() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .containsExactly("1");
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema()", String.class);
        assertThat(tables).contains("team", "pm_post_mortem");
    }

    @Test
    void showsPostmortemsHealthAndMetrics() throws Exception {
        assertThat(get("/api/postmortems").statusCode()).isEqualTo(200);

        HttpResponse<String> health = get("/actuator/health/postmortem");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> requests = get("/actuator/metrics/postmortem.http.server.requests");
        assertThat(requests.statusCode()).isEqualTo(200);
        List<String> uris = new ArrayList<>();
        for (JsonNode tag : JSON.readTree(requests.body()).get("availableTags")) {
            if (tag.get("tag").asText().equals("uri")) {
                tag.get("values").forEach(value -> uris.add(value.asText()));
            }
        }
        assertThat(uris).contains("/api/postmortems");
        assertThat(get("/actuator/metrics/postmortem.actionitems.overdue").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/postmortem.usecases").statusCode()).isEqualTo(200);
    }

    /** What the README shows is what this host has: its properties, word for word, and no security code. */
    @Test
    void isWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(readme).contains("```properties\n" + properties + "```");
        try (var sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .containsExactly("ReadmeHostApplication.java");
        }
    }

    @Test
    void signsInThroughTheLoginFormThenCreatesAndSubmitsForReview() {
        browser = HeadlessChromium.start(downloads, profile, 1280);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + port + "/postmortems#/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")))
                .sendKeys(ContractUsers.CAROL.email());
        browser.findElement(By.name("password")).sendKeys(ContractUsers.CAROL.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/postmortems"));
        browser.get("http://127.0.0.1:" + port + "/postmortems#/new"); // the login lost the fragment

        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("templateId")));
        browser.findElement(By.name("incidentId")).sendKeys("INC-READ-1");
        new Select(browser.findElement(By.name("templateId"))).selectByValue("api-downtime");
        wait.until(driver -> !driver.findElement(By.name("title")).getDomProperty("value").isEmpty());
        // the readiness check lets no empty section into review
        browser.findElement(By.name("summary")).sendKeys("The API answered 503 for 12 minutes.");
        browser.findElement(By.name("impact")).sendKeys("Every client call failed meanwhile.");
        browser.findElement(By.name("rootCause")).sendKeys("A gateway timeout shorter than the slowest query.");
        click("Save draft");
        wait.until(driver -> driver.getCurrentUrl().matches(".*#/pm/[0-9a-f-]{36}$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-status='DRAFT']")));
        click("Submit for review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-status='IN_REVIEW']")));

        // the same session without the page's token: the host's CSRF protection refuses it
        Object status = browser.executeAsyncScript("const done = arguments[0];"
                + "fetch('/api/postmortems', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({incidentId: 'INC-READ-2', title: 'x', summary: 'y'})})"
                + ".then(response => done(response.status));");
        assertThat(status).isEqualTo(403L);
    }

    /** Clicks the button, found afresh if the page re-rendered it meanwhile. */
    private void click(String text) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement button = ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='" + text + "']")).apply(driver);
            if (button == null) {
                return false;
            }
            button.click();
            return true;
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", ContractClient.authorization(ContractUsers.ALICE)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

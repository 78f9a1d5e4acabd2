package dev.postmortem.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.testing.browser.HeadlessChromium;
import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The spec's "Via UI" flow in a real browser against the standalone server. */
class WebUiBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServers.Running server;

    @TempDir
    Path downloads;

    @TempDir
    Path browserProfile;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startServer() {
        server = TestServers.onH2();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String hash, int width) {
        browser = HeadlessChromium.signedIn(ContractUsers.CAROL.email(), ContractUsers.CAROL.password(), downloads,
                browserProfile, width);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.baseUri() + "/postmortems" + hash);
    }

    @Test
    void createsFromATemplateWithAnAddedEventAndItem() throws Exception {
        open("#/new", 1280);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("templateId")));
        browser.findElement(By.name("incidentId")).sendKeys("INC-UI-1");
        new Select(browser.findElement(By.name("templateId"))).selectByValue("database-outage");
        wait.until(driver -> !driver.findElement(By.name("title")).getDomProperty("value").isEmpty());
        assertThat(browser.findElements(By.name("timeline.time"))).hasSize(5);

        button("Add event").click();
        last("timeline.time").sendKeys("00:07");
        last("timeline.description").sendKeys("Replica lag alarm");
        button("Add action item").click();
        last("actionItems.description").sendKeys("Alert on replica lag");
        last("actionItems.owner").sendKeys("alice@example.com");
        new Select(last("actionItems.priority")).selectByValue("HIGH");
        last("actionItems.dueDate").sendKeys("03012025");
        button("Save draft").click();

        wait.until(driver -> driver.getCurrentUrl().matches(".*#/pm/[0-9a-f-]{36}$"));
        String id = browser.getCurrentUrl().replaceAll(".*#/pm/", "");
        JsonNode stored = api("GET", "/api/postmortems/" + id, null).json;
        assertThat(stored.get("title").asText()).isEqualTo("Database outage - INC-UI-1 - " + LocalDate.now());
        assertThat(stored.get("templateId").asText()).isEqualTo("database-outage");
        List<String> events = new ArrayList<>();
        stored.get("timeline").forEach(event -> events.add(event.get("time").asText() + " " + event.get("description").asText()));
        assertThat(events).hasSize(6).element(2).isEqualTo("00:07 Replica lag alarm");
        JsonNode added = stored.get("actionItems").get(stored.get("actionItems").size() - 1);
        assertThat(added.get("description").asText()).isEqualTo("Alert on replica lag");
        assertThat(added.get("owner").asText()).isEqualTo("alice@example.com");
        assertThat(added.get("priority").asText()).isEqualTo("HIGH");
        assertThat(added.get("dueDate").asText()).isEqualTo("2025-03-01");
        assertThat(stored.get("actionItems")).hasSize(5);
    }

    @Test
    void submitsPublishesClosesItemsAndArchives() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id, 1280);

        click("Submit for review");
        waitForStatus("IN_REVIEW");
        click("Publish");
        waitForStatus("PUBLISHED");
        for (int i = 0; i < 2; i++) {
            int index = i;
            // each change re-renders the page, so the select is looked up afresh every time
            wait.ignoring(StaleElementReferenceException.class).until(driver -> {
                new Select(driver.findElements(By.cssSelector("select[data-item]")).get(index)).selectByValue("DONE");
                return true;
            });
            long done = i + 1;
            wait.until(driver -> done == (Long) browser.executeScript("return [...document.querySelectorAll("
                    + "'select[data-item]')].filter(select => select.value === 'DONE').length;"));
        }
        click("Archive");
        waitForStatus("ARCHIVED");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("status").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void showsAValidationErrorAtItsField() throws Exception {
        open("#/new", 1280);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("incidentId"))).sendKeys("INC-UI-2");
        browser.findElement(By.name("summary")).sendKeys("Something broke");
        button("Save draft").click();

        WebElement title = wait.until(driver -> driver.findElement(By.cssSelector("[name=title][aria-invalid=true]")));
        WebElement message = browser.findElement(By.id(title.getDomAttribute("aria-describedby")));
        assertThat(message.getText()).isEqualTo("must not be blank");
        assertThat(browser.switchTo().activeElement()).isEqualTo(title);
        assertThat(browser.getCurrentUrl()).endsWith("#/new");
    }

    @Test
    void saysWhenSomeoneElseChangedItMeanwhile() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id + "/edit", 1280);
        WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("title")));
        api("PATCH", "/api/postmortems/" + id, "{\"impact\":\"Changed in another tab\"}");

        title.clear();
        title.sendKeys("My better title");
        button("Save").click();

        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(banner.getText()).contains("changed by someone else");
        assertThat(banner.findElement(By.tagName("button")).getText()).isEqualTo("Reload");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("title").asText())
                .isEqualTo("Database Connection Pool Exhaustion");
    }

    @Test
    void downloadsTheMarkdown() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id, 1280);

        click("Export Markdown");

        Path file = downloads.resolve("INC-2024-001-postmortem.md");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Files.exists(file));
        assertThat(Files.readString(file)).startsWith("# Database Connection Pool Exhaustion\n")
                .contains("## Action Items");
    }

    @Test
    void theDocumentPageFitsAPhoneAndIsCapturedForTheDocs() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id, 1280);
        waitForStatus("DRAFT");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve("document-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.quit();

        open("#/pm/" + id, 375);
        waitForStatus("DRAFT");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0L);
        Files.write(screenshots.resolve("document-page-375.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    // ------------------------------------------------------------------ helpers

    private WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")));
    }

    private void click(String text) {
        button(text).click();
    }

    private WebElement last(String name) {
        List<WebElement> all = browser.findElements(By.name(name));
        return all.get(all.size() - 1);
    }

    private void waitForStatus(String status) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-status='" + status + "']")));
    }

    private String createSpecExample() throws Exception {
        String body;
        try (var in = getClass().getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return api("POST", "/api/postmortems", body).json.get("id").asText();
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ContractUsers.CAROL.email() + ":" + ContractUsers.CAROL.password())
                                .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
}

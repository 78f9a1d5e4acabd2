package dev.postmortem.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.core.review.ApprovalPolicy;
import dev.postmortem.server.TestServers;
import dev.postmortem.testing.browser.HeadlessChromium;
import dev.postmortem.testing.http.ContractUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
    /** The server a test started for itself, with settings of its own; {@code null}: the shared one. */
    private TestServers.Running ownServer;

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
        if (ownServer != null) {
            ownServer.stop();
        }
    }

    private TestServers.Running target() {
        return ownServer != null ? ownServer : server;
    }

    private void open(String hash, int width) {
        open(hash, width, ContractUsers.CAROL);
    }

    private void open(String hash, int width, ContractUsers user) {
        if (browser != null) {
            browser.quit();
        }
        browser = HeadlessChromium.signedIn(user.email(), user.password(), downloads,
                browserProfile.resolve(user.name()), width);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(target().baseUri() + "/postmortems" + hash);
    }

    /**
     * The spec's "Via UI" steps: select the incident, choose a template, fill the sections, mark
     * key moments (the incident runs past midnight), name contributors, save as draft, submit,
     * publish; the document page shows the durations.
     */
    @Test
    void walksTheViaUiStepsFromTheIncidentToThePublishedDurations() throws Exception {
        open("#/new", 1280);
        WebElement zone = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("timeZone")));
        zone.clear();
        zone.sendKeys("UTC");
        WebElement incident = browser.findElement(By.name("incidentId"));
        incident.sendKeys("checkout");
        // the list is drawn again as each search answers: find the option afresh until the click lands
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("[data-incident='INC-2041']")).click();
            return true;
        });
        wait.until(driver -> driver.findElements(By.name("timeline.time")).size() == 5);
        assertThat(value("title")).isEqualTo("Checkout API returns 503 after connection pool exhaustion");
        assertThat(value("servicesAffected")).isEqualTo("checkout-api, orders-db");
        assertThat(value("incidentDate")).isEqualTo("2025-01-15");

        new Select(browser.findElement(By.name("templateId"))).selectByValue("api-downtime");
        wait.until(driver -> value("title").equals("API downtime - INC-2041 - 2025-01-15"));
        assertThat(browser.findElement(By.name("rootCause")).getDomAttribute("placeholder")).contains("deployment");
        assertThat(browser.findElements(By.name("actionItems.description"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector(".suggestions button"))).as("key moments already marked")
                .extracting(WebElement::getText).containsExactly("+ Recent deployments and configuration changes checked");

        click("+ Recent deployments and configuration changes checked");
        last("timeline.day").sendKeys("01162025");
        last("timeline.time").sendKeys("00:05");
        browser.findElement(By.name("summary")).sendKeys("Checkout answered 503 for 20 minutes after midnight.");
        browser.findElement(By.name("impact")).sendKeys("Customers could not pay.");
        browser.findElement(By.name("usersAffected")).sendKeys("1200");
        browser.findElement(By.name("rootCause")).sendKeys("The pool was sized for half of the night batch load.");
        browser.findElement(By.name("contributingFactors")).sendKeys("Night batch moved to midnight\nNo pool alert");
        browser.findElement(By.name("contributors")).sendKeys("bob@example.com");
        Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(window.getWidth(), 2000)); // the form down to its timeline
        browser.executeScript("window.scrollTo(0, 0);");
        screenshot("create-form.png");
        browser.manage().window().setSize(window);
        button("Save draft").click();

        // a refused save names what was wrong in the banner and at the fields: say so when it fails
        wait.withMessage(() -> browser.findElement(By.id("banner")).getText() + " / " + browser.findElements(
                By.cssSelector(".error")).stream().map(WebElement::getText).toList()).until(driver -> driver.getCurrentUrl()
                .matches(".*#/pm/[0-9a-f-]{36}$"));
        String id = browser.getCurrentUrl().replaceAll(".*#/pm/", "");
        waitForStatus("DRAFT");
        click("Submit for review");
        waitForStatus("IN_REVIEW");
        click("Publish");
        waitForStatus("PUBLISHED");
        assertThat(browser.findElement(By.cssSelector("[data-duration='timeToDetect']")).getText()).isEqualTo("8 min");
        assertThat(browser.findElement(By.cssSelector("[data-duration='timeToResolve']")).getText()).isEqualTo("45 min");
        assertThat(browser.findElement(By.cssSelector("[data-duration='impactDuration']")).getText()).isEqualTo("20 min");
        assertThat(browser.findElement(By.cssSelector("article.document")).getText())
                .contains("1,200 users affected").doesNotContain("[ ]").contains("\u2610");
        screenshot("document-page.png");

        JsonNode stored = api("GET", "/api/postmortems/" + id, null).json;
        assertThat(stored.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(stored.get("templateId").asText()).isEqualTo("api-downtime");
        assertThat(stored.get("contributors").get(0).asText()).isEqualTo("bob@example.com");
        assertThat(stored.get("usersAffected").asInt()).isEqualTo(1200);
        assertThat(stored.get("contributingFactors")).hasSize(2);
        List<String> events = new ArrayList<>();
        stored.get("timeline").forEach(event -> events.add(event.get("time").asText() + " "
                + event.get("keyMoment").asText()));
        assertThat(events).containsExactly("23:50 IMPACT_STARTED", "23:58 DETECTED", "2025-01-16T00:01 ACKNOWLEDGED",
                "2025-01-16T00:05 null", "2025-01-16T00:10 MITIGATED", "2025-01-16T00:35 RESOLVED");
        assertThat(stored.get("durations").get("timeToAcknowledge").asText()).isEqualTo("PT3M");
        assertThat(stored.get("summary").asText()).doesNotContain("Which API endpoints failed");
    }

    @Test
    void changingTheTemplateKeepsWhatTheAuthorWrote() {
        open("#/new", 1280);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("templateId")));
        WebElement title = browser.findElement(By.name("title"));
        title.sendKeys("Our own title");
        new Select(browser.findElement(By.name("templateId"))).selectByValue("database-outage");
        wait.until(driver -> driver.findElements(By.name("actionItems.description")).size() == 4);
        last("actionItems.description").sendKeys(" (edited)");
        new Select(browser.findElement(By.name("templateId"))).selectByValue("security-incident");
        wait.until(driver -> browser.findElement(By.name("summary")).getDomAttribute("placeholder")
                .startsWith("What was exposed"));

        assertThat(value("title")).isEqualTo("Our own title");
        assertThat(browser.findElements(By.name("actionItems.description"))).as("items the author edited stay")
                .hasSize(4);
        assertThat(value("summary")).isEmpty();
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
    void theReadinessCheckLeadsToTheBlamingSentenceAndTheRewriteGoesToReview() throws Exception {
        String id = createSpecExample();
        api("PATCH", "/api/postmortems/" + id, "{\"rootCause\":\"The on-call engineer should have checked the"
                + " pool size.\"}");
        open("#/pm/" + id, 1280);

        WebElement finding = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".readiness [data-rule='blaming-language'][data-severity='ERROR']")));
        assertThat(finding.getText()).contains("\"should have\"", "Say what the system lacked");
        click("Submit for review");
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(banner.getText()).contains("rootCause", "should have");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("status").asText()).isEqualTo("DRAFT");

        finding.findElement(By.cssSelector("a[data-field='rootCause']")).click();
        // the editor renders once its document is loaded: what has focus may be replaced meanwhile
        WebElement rootCause = wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement active = driver.switchTo().activeElement();
            return "rootCause".equals(active.getDomAttribute("name")) ? active : null;
        });
        rootCause.clear();
        rootCause.sendKeys("The pool was sized for half the load, and nothing alerted before it ran out.");
        click("Save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".readiness[data-ready='true']")));
        click("Submit for review");
        waitForStatus("IN_REVIEW");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("rootCause").asText())
                .startsWith("The pool was sized");
    }

    @Test
    void bobCommentsOnTheRootCauseAndCarolAnswersAndResolvesTheThread() throws Exception {
        String id = createSpecExample();
        api("PATCH", "/api/postmortems/" + id, "{\"status\":\"IN_REVIEW\"}");
        open("#/pm/" + id, 1280, ContractUsers.BOB);

        // the button beside the root cause's heading points the new comment at it
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("h2 [data-comment-on='rootCause']")))
                .click();
        assertThat(new Select(browser.findElement(By.name("anchor"))).getFirstSelectedOption().getDomAttribute(
                "value")).isEqualTo("rootCause");
        assertThat(browser.switchTo().activeElement().getDomAttribute("name")).isEqualTo("comment");
        browser.findElement(By.name("comment")).sendKeys("Which feature? Link the change, please.");
        click("Comment");
        WebElement thread = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".thread[data-anchor='rootCause']")));
        assertThat(thread.getText()).contains("Root cause", "Which feature? Link the change, please.",
                "bob@example.com");
        assertThat(browser.findElement(By.cssSelector("[data-open-threads]")).getText()).isEqualTo("1 open thread");
        assertThat(browser.findElement(By.cssSelector("h2 [data-comment-on='rootCause']")).getText())
                .isEqualTo("💬 1");

        open("#/pm/" + id, 1280, ContractUsers.CAROL);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thread [name=reply]")))
                .sendKeys("The pool change of release 4.2; it is in the timeline now.");
        click("Reply");
        wait.until(driver -> driver.findElements(By.cssSelector(".thread .comment")).size() == 2);
        click("Resolve");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thread[data-resolved='true']")));
        assertThat(browser.findElement(By.cssSelector("[data-open-threads]")).getText()).isEqualTo("0 open threads");
        JsonNode comments = api("GET", "/api/postmortems/" + id + "/comments", null).json.get("items");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("resolvedBy").asText()).isEqualTo(ContractUsers.CAROL.email());
        assertThat(comments.get(1).get("inReplyTo").asText()).isEqualTo(comments.get(0).get("id").asText());
    }

    /**
     * The review of issue 31 on a server that needs one approval and every thread resolved:
     * Bob comments on Carol's root cause, Carol follows the readiness finding to the blaming
     * sentence, rewrites it, resolves the thread and submits; Dave approves; Carol publishes; the
     * history shows both edits of the root cause as a diff.
     */
    @Test
    void aReviewFromBlamingSentenceToApprovedPublicationLeavesItsHistory() throws Exception {
        ownServer = TestServers.onH2(new ApprovalPolicy(1, true, false));
        String id = createSpecExample("\"contributors\":[\"bob@example.com\"]");
        api("PATCH", "/api/postmortems/" + id, "{\"rootCause\":\"The on-call engineer should have checked the"
                + " pool size.\"}");

        open("#/pm/" + id, 1280, ContractUsers.BOB);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("h2 [data-comment-on='rootCause']")))
                .click();
        browser.findElement(By.name("comment")).sendKeys("Blame the missing alert, not the person?");
        click("Comment");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thread[data-anchor='rootCause']")));

        open("#/pm/" + id, 1280, ContractUsers.CAROL);
        WebElement finding = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".readiness [data-rule='blaming-language'][data-severity='ERROR']")));
        assertThat(browser.findElement(By.cssSelector(".thread[data-anchor='rootCause']")).getText())
                .contains("Blame the missing alert, not the person?", "bob@example.com");
        assertThat(browser.findElements(By.cssSelector("[data-approve]"))).as("the creator cannot approve").isEmpty();
        finding.findElement(By.cssSelector("a[data-field='rootCause']")).click();
        WebElement rootCause = wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement active = driver.switchTo().activeElement();
            return "rootCause".equals(active.getDomAttribute("name")) ? active : null;
        });
        rootCause.clear();
        rootCause.sendKeys("The pool was sized for half the load, and no alert fired before it ran out.");
        click("Save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".readiness[data-ready='true']")));
        click("Resolve");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thread[data-resolved='true']")));
        click("Submit for review");
        waitForStatus("IN_REVIEW");
        click("Publish");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(refusal.getText()).contains("1 current approval(s) are required, 0 given");

        open("#/pm/" + id, 1280, ContractUsers.DAVE);
        long reviewed = api("GET", "/api/postmortems/" + id, null).json.get("version").asLong();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thread [name=reply]")));
        assertThat(browser.findElements(By.cssSelector(".thread button"))).as("Dave neither wrote nor edits it")
                .extracting(WebElement::getText).containsExactly("Reply");
        click("Approve version " + reviewed);
        WebElement approval = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".approvals [data-approved-by='dave@example.com'][data-stale='false']")));
        assertThat(approval.getText()).contains("approved version " + reviewed);
        assertThat(browser.findElement(By.cssSelector("[data-current-approvals]")).getText())
                .isEqualTo("1 of 1 required");

        open("#/pm/" + id, 1280, ContractUsers.CAROL);
        click("Publish");
        waitForStatus("PUBLISHED");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("History"))).click();
        List<WebElement> rootCauseEdits = wait.until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector(".history [data-field='rootCause']"));
            return found.size() == 2 ? found : null;
        });
        assertThat(diffSide(rootCauseEdits.get(0), "ins")).isEqualTo("The on-call engineer should have checked the"
                + " pool size.");
        assertThat(diffSide(rootCauseEdits.get(1), "del")).isEqualTo("The on-call engineer should have checked the"
                + " pool size.");
        assertThat(diffSide(rootCauseEdits.get(1), "ins"))
                .isEqualTo("The pool was sized for half the load, and no alert fired before it ran out.");
        assertThat(rootCauseEdits.get(1).findElements(By.tagName("del"))).extracting(WebElement::getText)
                .anySatisfy(removed -> assertThat(removed).contains("on-call engineer should have checked"));
        assertThat(browser.findElement(By.cssSelector(".history")).getText())
                .contains("dave@example.com approved version " + reviewed, "IN_REVIEW", "PUBLISHED");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void showsAValidationErrorAtItsField() throws Exception {
        open("#/new", 1280);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("incidentId"))).sendKeys("INC-2038");
        browser.findElement(By.name("summary")).sendKeys("Something broke");
        button("Save draft").click();

        WebElement title = wait.until(driver -> driver.findElement(By.cssSelector("[name=title][aria-invalid=true]")));
        WebElement message = browser.findElement(By.id(title.getDomAttribute("aria-describedby")));
        assertThat(message.getText()).isEqualTo("must not be blank");
        assertThat(browser.switchTo().activeElement()).isEqualTo(title);
        assertThat(browser.getCurrentUrl()).endsWith("#/new");
    }

    @Test
    void carolClassifiesAPostMortemAndFindsItByItsTagAndCategory() throws Exception {
        String id = createSpecExample();
        String tag = "pool-" + Long.toString(System.nanoTime(), 36);
        open("#/pm/" + id + "/edit", 1280);
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.name("category"))))
                .selectByVisibleText("Capacity");
        browser.findElement(By.name("tags")).sendKeys(tag.toUpperCase() + ", Connection Pool");
        click("Save");

        WebElement classification = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-classification]")));
        assertThat(classification.getText()).isEqualTo("Category: capacity · Tags: " + tag + ", connection-pool");
        JsonNode stored = api("GET", "/api/postmortems/" + id, null).json;
        assertThat(stored.get("category").asText()).isEqualTo("capacity");
        assertThat(stored.get("tags").toString()).isEqualTo("[\"" + tag + "\",\"connection-pool\"]");

        classification.findElement(By.linkText(tag)).click();
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("tbody tr a")).getText())
                .isEqualTo("Database Connection Pool Exhaustion");
        assertThat(browser.findElement(By.cssSelector("tbody tr [data-classified]")).getText())
                .isEqualTo("capacity · " + tag + " · connection-pool");
        new Select(browser.findElement(By.name("category"))).selectByVisibleText("Deployment");
        wait.until(driver -> driver.getCurrentUrl().contains("category=deployment")
                && driver.findElements(By.cssSelector("tbody tr")).isEmpty());
        assertThat(browser.findElement(By.name("tag")).getDomProperty("value")).isEqualTo(tag);
    }

    @Test
    void aSearchShowsTheCommentThatMatchedWithItsWordMarkedAndItsMarkupAsText() throws Exception {
        String id = createSpecExample();
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        api("POST", "/api/postmortems/" + id + "/comments",
                "{\"body\":\"<img src=x onerror=window.pwned=1> was the " + word + " tested?\"}");
        open("#/?q=" + word, 1280);

        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tbody [data-highlight]")));
        assertThat(hit.getDomAttribute("data-highlight")).startsWith("comments/");
        assertThat(hit.findElement(By.tagName("mark")).getText()).isEqualTo(word);
        assertThat(hit.getText()).isEqualTo("<img src=x onerror=window.pwned=1> was the " + word + " tested?");
        assertThat(browser.findElements(By.cssSelector("tbody img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
        WebElement sort = browser.findElement(By.name("sort"));
        assertThat(sort.isDisplayed()).isTrue();
        new Select(sort).selectByVisibleText("Best match first");
        wait.until(driver -> driver.getCurrentUrl().contains("sort=relevance"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tbody [data-highlight] mark")));
    }

    @Test
    void insightsDrawTheFixturesMonthsAsChartsWithTheirNumbersAndRecurrences() throws Exception {
        String tag = "insights-" + Long.toString(System.nanoTime(), 36);
        String first = insightFixture(tag, "2025-04-02", "checkout", 60, true, "{\"description\":\"Done\","
                + "\"status\":\"DONE\"},{\"description\":\"Late\",\"dueDate\":\"2025-05-01\"}");
        insightFixture(tag, "2025-04-20", "checkout", 120, false, "{\"description\":\"Done\",\"status\":\"DONE\"}");
        insightFixture(tag, "2025-05-10", "search", 30, true, "{\"description\":\"Open\"}");
        insightFixture(tag, "2025-06-15", "checkout", 180, false, "");
        open("#/insights?from=2025-01-01&to=2025-12-31&tag=" + tag, 1280);

        WebElement counts = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-chart=counts] canvas")));
        assertThat(chartData("counts")).isEqualTo("[[0,1,2],[2,1,1],[1,1,0]]");
        assertThat(chartData("resolve")).as("median and p90 in minutes: April 60 and 120").isEqualTo(
                "[[0,1,2],[90,30,180],[114,30,180]]");
        assertThat(chartData("items")).isEqualTo("[[0,1,2],[3,1,0],[2,0,0],[1,0,0]]");
        assertThat(counts.isDisplayed()).isTrue();
        WebElement numbers = browser.findElement(By.cssSelector("[data-chart=counts] table.numbers"));
        assertThat(numbers.findElements(By.cssSelector("tbody tr"))).extracting(row -> row.getDomProperty("textContent"))
                .containsExactly("2025-0421", "2025-0511", "2025-0610");
        assertThat(browser.findElement(By.cssSelector("[data-total]")).getText())
                .contains("Post-mortems\n4", "Action items done\n2 of 4 (50%), 1 overdue");
        WebElement recurrence = browser.findElement(By.cssSelector("[data-recurrence]"));
        assertThat(recurrence.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText)
                .containsExactly("tag: " + tag, "service: checkout");
        screenshot("insights.png");
        recurrence.findElement(By.xpath(".//tr[th='service: checkout']//a[.='Insight 2025-04-02']")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("#/pm/" + first));

        open("#/insights?from=2025-01-01&to=2025-12-31&tag=" + tag, 375);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart=items] canvas")));
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0L);
        screenshot("insights-375.png");
    }

    /** What the chart library was given to draw, read from its instance on the page. */
    private String chartData(String chart) {
        return (String) browser.executeScript("return JSON.stringify(document.querySelector("
                + "'[data-chart=' + arguments[0] + ']').chart.data)", chart);
    }

    /** A post-mortem of {@code tag} on {@code day}, resolved {@code minutes} after impact, published or in review. */
    private String insightFixture(String tag, String day, String service, int minutes, boolean publish, String items)
            throws Exception {
        String id = api("POST", "/api/postmortems", "{\"incidentId\":\"INC-2038\",\"title\":\"Insight " + day + "\","
                + "\"summary\":\"Checkout slowed down.\",\"impact\":\"Some orders failed.\","
                + "\"rootCause\":\"A pool limit was too low.\",\"status\":\"IN_REVIEW\",\"tags\":[\"" + tag + "\"],"
                + "\"servicesAffected\":[\"" + service + "\"],\"incidentDate\":\"" + day + "\","
                + "\"timeline\":[{\"time\":\"10:00\",\"description\":\"Impact\",\"keyMoment\":\"IMPACT_STARTED\"},"
                + "{\"time\":\"" + LocalTime.of(10, 0).plusMinutes(minutes) + "\","
                + "\"description\":\"Resolved\",\"keyMoment\":\"RESOLVED\"}],\"actionItems\":[" + items + "]}")
                .json.get("id").asText();
        if (publish) {
            api("PATCH", "/api/postmortems/" + id, "{\"status\":\"PUBLISHED\"}");
        }
        return id;
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

        Path file = downloads.resolve("INC-2038-postmortem.md");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Files.exists(file));
        assertThat(Files.readString(file)).startsWith("# Database Connection Pool Exhaustion\n")
                .contains("## Action Items");
    }

    @Test
    void theDocumentPageFitsAPhone() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id, 375);
        waitForStatus("DRAFT");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0L);
        screenshot("document-page-375.png");
    }

    @Test
    void loadMoreAppearsOnlyWithAnotherPageAndAddsEachPostMortemOnce() throws Exception {
        String word = "batch" + System.nanoTime();
        for (int i = 0; i < 23; i++) {
            api("POST", "/api/postmortems", "{\"incidentId\":\"INC-2035\",\"title\":\"" + word + " " + i + "\"}");
        }
        open("#/?q=" + word, 1280);
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr")).size() == 20);
        click("Load more");
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr")).size() == 23);
        assertThat(browser.findElements(By.cssSelector("tbody tr a"))).extracting(WebElement::getText)
                .doesNotHaveDuplicates();
        assertThat(browser.findElement(By.xpath("//button[normalize-space()='Load more']")).isDisplayed()).isFalse();

        String single = "single" + System.nanoTime();
        api("POST", "/api/postmortems", "{\"incidentId\":\"INC-2035\",\"title\":\"" + single + "\"}");
        browser.get(server.baseUri() + "/postmortems#/?q=" + single);
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr")).size() == 1);
        assertThat(browser.findElement(By.xpath("//button[normalize-space()='Load more']")).isDisplayed()).isFalse();
    }

    @Test
    void anItemStatusTheServerRefusedIsNotShownAsSet() throws Exception {
        String id = createSpecExample();
        api("PATCH", "/api/postmortems/" + id, "{\"status\":\"IN_REVIEW\"}");
        open("#/pm/" + id, 1280);
        waitForStatus("IN_REVIEW");
        api("PATCH", "/api/postmortems/" + id, "{\"impact\":\"Changed in another tab\"}");

        new Select(browser.findElements(By.cssSelector("select[data-item]")).get(0)).selectByValue("DONE");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(browser.findElements(By.cssSelector("select[data-item]")).get(0).getDomProperty("value"))
                .isEqualTo("TODO");
        assertThat(api("GET", "/api/postmortems/" + id, null).json.get("actionItems").get(0).get("status").asText())
                .isEqualTo("TODO");
    }

    @Test
    void aReaderWhoMayNotChangeItemsGetsNoControlsForThem() throws Exception {
        String id = createSpecExample();
        api("PATCH", "/api/postmortems/" + id, "{\"status\":\"IN_REVIEW\"}");
        browser = HeadlessChromium.signedIn(ContractUsers.DAVE.email(), ContractUsers.DAVE.password(), downloads,
                browserProfile, 1280);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.baseUri() + "/postmortems#/pm/" + id);
        waitForStatus("IN_REVIEW");

        assertThat(browser.findElements(By.cssSelector("select[data-item]"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Delete']"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//a[normalize-space()='Edit']"))).isEmpty();
    }

    @Test
    void longActionItemsAreShownWholeInTheEditor() throws Exception {
        String id = createSpecExample();
        String longText = "Add a connection leak test to CI that opens and closes a thousand connections and fails"
                + " the build when the pool does not return to its idle size within the configured timeout";
        api("PATCH", "/api/postmortems/" + id + "/action-items/"
                + api("GET", "/api/postmortems/" + id, null).json.get("actionItems").get(1).get("id").asText(),
                "{\"description\":\"" + longText + "\"}");
        open("#/pm/" + id + "/edit", 1280);
        wait.until(driver -> driver.findElements(By.name("actionItems.description")).size() == 2);
        WebElement description = browser.findElements(By.name("actionItems.description")).get(1);

        assertThat(description.getDomProperty("value")).isEqualTo(longText);
        assertThat((Boolean) browser.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth;",
                description)).as("wrapped, not cut off").isTrue();
    }

    @Test
    void deletesADraftAfterAskingFirst() throws Exception {
        String id = createSpecExample();
        open("#/pm/" + id, 1280);
        click("Delete");
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(driver -> driver.getCurrentUrl().endsWith("#/"));
        HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUri() + "/api/postmortems/" + id)).header("Authorization", basic()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    /**
     * Following through: alice opens "Action items", finds her overdue item first (with its
     * tracker link), marks it done there, and the post-mortem's page and the list show it done.
     */
    @Test
    void aliceClosesHerOverdueItemFromTheActionItemsPage() throws Exception {
        String id = api("POST", "/api/postmortems", """
                {"incidentId": "INC-2035", "title": "Wildcard certificate expired", "summary": "TLS failed.",
                 "impact": "Every API call failed for an hour.",
                 "rootCause": "Nothing renewed the certificate or warned before it expired.",
                 "status": "IN_REVIEW", "actionItems": [
                   {"description": "Renew the wildcard certificate", "owner": "alice@example.com",
                    "priority": "HIGH", "dueDate": "2020-01-15", "trackerKey": "OPS-7",
                    "trackerUrl": "https://tracker.example.com/OPS-7"},
                   {"description": "Alert 30 days before a certificate expires", "owner": "alice@example.com",
                    "priority": "MEDIUM", "dueDate": "%s"}]}""".formatted(LocalDate.now().plusDays(30)))
                .json.get("id").asText();
        String itemId = api("GET", "/api/postmortems/" + id, null).json.get("actionItems").get(0).get("id").asText();
        browser = HeadlessChromium.signedIn(ContractUsers.ALICE.email(), ContractUsers.ALICE.password(), downloads,
                browserProfile, 1280);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.baseUri() + "/postmortems#/");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Action items"))).click();

        By firstOfMine = By.cssSelector("[data-items='mine'] tbody tr");
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(firstOfMine));
        assertThat(first.getDomAttribute("data-item")).isEqualTo(itemId);
        assertThat(first.getDomAttribute("class")).isEqualTo("overdue");
        assertThat(first.getText()).contains("Renew the wildcard certificate", "overdue", "Wildcard certificate expired");
        assertThat(first.findElement(By.linkText("OPS-7")).getDomAttribute("href"))
                .isEqualTo("https://tracker.example.com/OPS-7");
        screenshot("action-items.png");

        new Select(first.findElement(By.cssSelector("select[data-item]"))).selectByValue("DONE");

        wait.until(driver -> driver.findElements(By.cssSelector("[data-items='mine'] tr[data-item='" + itemId + "']"))
                .isEmpty());
        browser.get(server.baseUri() + "/postmortems#/pm/" + id);
        waitForStatus("IN_REVIEW");
        assertThat(browser.findElement(By.cssSelector("select[data-item='" + itemId + "']")).getDomProperty("value"))
                .isEqualTo("DONE");
        browser.get(server.baseUri() + "/postmortems#/");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td/a[normalize-space()='Wildcard certificate expired']]")));
        assertThat(row.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-progress"))
                .isEqualTo("1/2");
    }

    // ------------------------------------------------------------------ helpers

    private WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")));
    }

    /** A diff as one side reads it: the words kept and those of {@code side} ({@code del}: before, {@code ins}: after). */
    private String diffSide(WebElement change, String side) {
        return (String) browser.executeScript("return Array.from(arguments[0].querySelectorAll('.diff > *'))"
                + ".filter(part => part.tagName.toLowerCase() !== arguments[1]).map(part => part.textContent).join('')",
                change, side.equals("ins") ? "del" : "ins");
    }

    private void click(String text) {
        button(text).click();
    }

    private String value(String name) {
        return browser.findElement(By.name(name)).getDomProperty("value");
    }

    /** What docs/ui-*.png are copied from after a change to the UI. */
    private void screenshot(String name) throws Exception {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ContractUsers.CAROL.email() + ":"
                + ContractUsers.CAROL.password()).getBytes(StandardCharsets.UTF_8));
    }

    private WebElement last(String name) {
        List<WebElement> all = browser.findElements(By.name(name));
        return all.get(all.size() - 1);
    }

    private void waitForStatus(String status) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-status='" + status + "']")));
    }

    /** The spec's example, created by Carol, with {@code members} (JSON object members) added. */
    private String createSpecExample(String... members) throws Exception {
        String body;
        try (var in = getClass().getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("INC-2024-001", "INC-2038");
        }
        for (String member : members) {
            body = body.replaceFirst("\\{", "{" + member + ",");
        }
        return api("POST", "/api/postmortems", body).json.get("id").asText();
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target().baseUri() + path))
                .header("Authorization", basic())
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

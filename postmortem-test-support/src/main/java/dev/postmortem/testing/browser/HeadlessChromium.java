package dev.postmortem.testing.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages,
 * driven by Selenium (add {@code selenium-chrome-driver} to your test dependencies); nothing is
 * downloaded at run time. Without them the calling test is skipped with a message, unless
 * {@code POSTMORTEM_REQUIRE_BROWSER=true} (set by CI). For a host's own web UI tests.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A browser that sends HTTP Basic credentials with every request, as a signed-in user's
     * would. Its profile goes to {@code profile}, a folder the test owns and deletes (a
     * temporary folder of Chromium's own would be left behind after every test).
     */
    public static ChromeDriver signedIn(String email, String password, Path downloads, Path profile, int width) {
        ChromeDriver driver = start(downloads, profile, width);
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))));
        return driver;
    }

    /** A browser that sends no credentials of its own: it signs in as a user would, through the host's login page. */
    public static ChromeDriver start(Path downloads, Path profile, int width) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "No browser: install Debian's chromium and chromium-driver to run the web UI tests"
                    + " (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if (Boolean.parseBoolean(System.getenv("POSTMORTEM_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("[postmortem tests] " + message + "; skipping.");
            assumeTrue(false, message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + ",1000",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        if (width < 500) {
            // Chromium will not make a window narrower than 500 px; emulate the phone's viewport
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                    "deviceScaleFactor", 1, "mobile", true));
        }
        return driver;
    }
}

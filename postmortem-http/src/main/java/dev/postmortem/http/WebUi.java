package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's static files (page, scripts, style), shipped in this jar, and its chart library
 * from its WebJar, served under the UI mount point. The page is told where the API lives, so
 * every mount point stays configurable; it needs no build step and loads nothing from the network.
 */
final class WebUi {

    private static final String SCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final Map<String, String> ASSETS = Map.ofEntries(
            Map.entry("/app.js", SCRIPT), Map.entry("/api.js", SCRIPT), Map.entry("/dom.js", SCRIPT),
            Map.entry("/list-view.js", SCRIPT), Map.entry("/editor-view.js", SCRIPT),
            Map.entry("/document-view.js", SCRIPT), Map.entry("/incident-picker.js", SCRIPT),
            Map.entry("/timeline-editor.js", SCRIPT), Map.entry("/times.js", SCRIPT),
            Map.entry("/action-items-view.js", SCRIPT), Map.entry("/pager.js", SCRIPT),
            Map.entry("/readiness-panel.js", SCRIPT), Map.entry("/comments-panel.js", SCRIPT),
            Map.entry("/approvals-panel.js", SCRIPT), Map.entry("/history-view.js", SCRIPT),
            Map.entry("/insights-view.js", SCRIPT), Map.entry("/style.css", CSS));

    /** The chart library's version, as its WebJar (org.webjars.npm:uplot) names its folder and the UI its path. */
    static final String UPLOT_VERSION = "1.6.30";
    private static final String VENDOR = "/vendor/uplot-" + UPLOT_VERSION + "/";
    /** The chart library's files the UI loads, from its WebJar, by their path under the UI. */
    private static final Map<String, String> VENDOR_FILES = Map.of(
            VENDOR + "uPlot.esm.js", SCRIPT, VENDOR + "uPlot.min.css", CSS);

    /**
     * The values the API's enums take and the defaults of a new action item, from the enums
     * themselves (so the UI restates none), as HTML-escaped JSON for a meta tag.
     */
    private static final String VOCABULARY = vocabulary();

    private final String mount;
    private final String page;

    WebUi(String mount, String apiPath, String templatesPath, String incidentsPath, String actionItemsPath,
          String insightsPath) {
        this.mount = mount;
        this.page = read("index.html").replace("{{API}}", apiPath).replace("{{TEMPLATES}}", templatesPath)
                .replace("{{INCIDENTS}}", incidentsPath).replace("{{ACTION_ITEMS}}", actionItemsPath)
                .replace("{{INSIGHTS}}", insightsPath)
                .replace("{{VOCABULARY}}", VOCABULARY).replace("{{UI}}", mount);
    }

    /** The page itself (at the mount point), which the caller must be signed in to see. */
    boolean isPage(String relative) {
        return relative.isEmpty() || relative.equals("/");
    }

    /**
     * The page for {@code actor} (whose id lets it leave out buttons the API would refuse them),
     * carrying the host's CSRF token for this request when it has one.
     */
    ApiResponse page(Actor actor, Optional<CsrfTokenSource.CsrfToken> csrf) {
        String body = page.replace("{{USER}}", attribute(actor.id()))
                .replace("{{CSRF_HEADER}}", attribute(csrf.map(CsrfTokenSource.CsrfToken::headerName).orElse("")))
                .replace("{{CSRF_TOKEN}}", attribute(csrf.map(CsrfTokenSource.CsrfToken::value).orElse("")));
        return ApiResponse.status(200)
                .header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'")
                // a page with a user's identity and a session's token must not be kept for another
                .header("Cache-Control", "no-store")
                .body("text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A script or style sheet, or {@code null} when there is no such file. */
    ApiResponse asset(String relative) {
        String vendorType = VENDOR_FILES.get(relative);
        if (vendorType != null) {
            // its path names its version: a browser may keep it for good
            return ApiResponse.status(200).header("Cache-Control", "public, max-age=31536000, immutable")
                    .body(vendorType, vendorFile(relative.substring(VENDOR.length()))).build();
        }
        String type = ASSETS.get(relative);
        if (type == null) {
            return null;
        }
        return ApiResponse.status(200).header("Cache-Control", "no-cache")
                .body(type, read(relative.substring(1)).getBytes(StandardCharsets.UTF_8)).build();
    }

    String mount() {
        return mount;
    }

    private static byte[] vendorFile(String name) {
        String path = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/" + name;
        try (InputStream in = WebUi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path + ": org.webjars.npm:uplot:" + UPLOT_VERSION
                        + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String name) {
        try (InputStream in = WebUi.class.getResourceAsStream("ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing UI file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String vocabulary() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("statuses", PostMortemStatus.values());
        values.put("priorities", Priority.values());
        values.put("defaultPriority", ActionItemInput.DEFAULT_PRIORITY);
        values.put("actionItemStatuses", ActionItemStatus.values());
        values.put("keyMoments", KeyMoment.values());
        values.put("defaultActionItemStatus", ActionItemInput.DEFAULT_STATUS);
        try {
            return new ObjectMapper().writeValueAsString(values).replace("&", "&amp;").replace("\"", "&quot;");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the UI's vocabulary", e);
        }
    }
}

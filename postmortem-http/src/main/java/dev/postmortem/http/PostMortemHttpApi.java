package dev.postmortem.http;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.postmortem.PostMortemService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The whole {@code /api/postmortems} contract, independent of any web framework: give it an
 * {@link ApiRequest}, get an {@link ApiResponse}. It authenticates through the host's
 * {@link ActorResolver}, routes, reads and checks bodies, maps every refusal to an RFC 9457
 * problem and never throws: an unexpected failure is logged once with a request id and
 * answered as a 500 problem carrying that id.
 *
 * <pre>{@code
 * PostMortemHttpApi api = PostMortemHttpApi.builder(service, actorResolver).build();
 * ApiResponse response = api.handle(request);
 * }</pre>
 */
public final class PostMortemHttpApi {

    /** Where the post-mortems are mounted unless {@link Builder#basePath} says otherwise. */
    public static final String DEFAULT_BASE_PATH = "/api/postmortems";
    /** Where the template catalog is mounted unless {@link Builder#templatesPath} says otherwise. */
    public static final String DEFAULT_TEMPLATES_PATH = "/api/postmortem-templates";
    /** Where the incident catalog is mounted unless {@link Builder#incidentsPath} says otherwise. */
    public static final String DEFAULT_INCIDENTS_PATH = "/api/postmortem-incidents";
    /** Where the action items across post-mortems are mounted unless {@link Builder#actionItemsPath} says otherwise. */
    public static final String DEFAULT_ACTION_ITEMS_PATH = "/api/action-items";
    /** Where the figures across post-mortems are mounted unless {@link Builder#insightsPath} says otherwise. */
    public static final String DEFAULT_INSIGHTS_PATH = "/api/postmortem-insights";
    /** The largest request body accepted unless {@link Builder#maxBodyBytes} says otherwise: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Where the web UI is served unless {@link Builder#uiPath} says otherwise. */
    public static final String DEFAULT_UI_PATH = "/postmortems";

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemHttpApi.class);
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ActorResolver actors;
    private final String basePath;
    private final String templatesPath;
    private final String incidentsPath;
    private final String actionItemsPath;
    private final String insightsPath;
    private final long maxBodyBytes;
    private final JsonCodec json = new JsonCodec();
    private final JsonBodyReader bodies = new JsonBodyReader();
    private final List<Mount> mounts;
    private final WebUi ui;
    private final ApiMetrics metrics;
    private final CsrfTokenSource csrfTokens;

    private PostMortemHttpApi(Builder builder) {
        this.actors = builder.actors;
        this.basePath = builder.basePath;
        this.templatesPath = builder.templatesPath;
        this.incidentsPath = builder.incidentsPath;
        this.actionItemsPath = builder.actionItemsPath;
        this.insightsPath = builder.insightsPath;
        this.maxBodyBytes = builder.maxBodyBytes;
        byte[] openApi = OpenApiDocument.forMountPoints(Map.of(DEFAULT_BASE_PATH, basePath,
                DEFAULT_TEMPLATES_PATH, templatesPath, DEFAULT_INCIDENTS_PATH, incidentsPath,
                DEFAULT_ACTION_ITEMS_PATH, actionItemsPath, DEFAULT_INSIGHTS_PATH, insightsPath));
        List<Route> documentRoutes = new ArrayList<>();
        documentRoutes.add(new Route("GET", OpenApiDocument.PATH,
                exchange -> ApiResponse.status(200).body(OpenApiDocument.MEDIA_TYPE, openApi).build()));
        // before /{id}, which would take "categories" for an id
        documentRoutes.add(new Route("GET", "/categories",
                exchange -> exchange.json(200, Documents.categories(builder.service.categories()))));
        documentRoutes.addAll(new PostMortemEndpoints(builder.service, basePath).routes());
        documentRoutes.addAll(ElementEndpoints.timeline(builder.service, basePath).routes());
        documentRoutes.addAll(ElementEndpoints.actionItems(builder.service, basePath).routes());
        documentRoutes.addAll(new CommentEndpoints(builder.service, basePath).routes());
        documentRoutes.addAll(new ReviewEndpoints(builder.service).routes());
        mounts = List.of(new Mount(basePath, documentRoutes),
                new Mount(templatesPath, new TemplateEndpoints(builder.service).routes()),
                new Mount(incidentsPath, new IncidentEndpoints(builder.service).routes()),
                new Mount(actionItemsPath, new ActionItemEndpoints(builder.service).routes()),
                new Mount(insightsPath, new InsightEndpoints(builder.service).routes()));
        ui = builder.uiPath == null ? null
                : new WebUi(builder.uiPath, basePath, templatesPath, incidentsPath, actionItemsPath, insightsPath);
        metrics = builder.metrics;
        csrfTokens = builder.csrfTokens;
    }

    /** An API over {@code service} that asks {@code actors} who is calling. */
    public static Builder builder(PostMortemService service, ActorResolver actors) {
        return new Builder(service, actors);
    }

    /** Where the post-mortems are mounted, such as {@code /api/postmortems}. */
    public String basePath() {
        return basePath;
    }

    /** Where the template catalog is mounted, such as {@code /api/postmortem-templates}. */
    public String templatesPath() {
        return templatesPath;
    }

    /** Where the incident catalog is mounted, such as {@code /api/postmortem-incidents}. */
    public String incidentsPath() {
        return incidentsPath;
    }

    /** Where the action items across post-mortems are mounted, such as {@code /api/action-items}. */
    public String actionItemsPath() {
        return actionItemsPath;
    }

    /** Where the figures across post-mortems are mounted, such as {@code /api/postmortem-insights}. */
    public String insightsPath() {
        return insightsPath;
    }

    /** The API's mount points (post-mortems, templates, incidents, action items, insights), without the web UI's. */
    public List<String> apiPaths() {
        return mounts.stream().map(Mount::path).toList();
    }

    /** Where the web UI is served, such as {@code /postmortems}; {@code null} when it is switched off. */
    public String uiPath() {
        return ui == null ? null : ui.mount();
    }

    /**
     * Every route as {@code METHOD /mount/pattern}, such as {@code GET /api/postmortems/{id}}:
     * what the OpenAPI document must list.
     */
    List<String> routeTable() {
        List<String> table = new ArrayList<>();
        mounts.forEach(mount -> mount.routes().forEach(route -> table.add(route.method() + " " + mount.path()
                + route.pattern())));
        return table;
    }

    /** Whether {@code path} is under the API's mount points (post-mortems, templates, incidents), not the web UI's. */
    public boolean servesApi(String path) {
        return mountOf(path) != null;
    }

    /** Whether this API answers {@code path}: bindings route exactly these paths here. */
    public boolean serves(String path) {
        return servesApi(path) || (ui != null && relativeTo(ui.mount(), path) != null);
    }

    private Mount mountOf(String path) {
        for (Mount mount : mounts) {
            if (relativeTo(mount.path(), path) != null) {
                return mount;
            }
        }
        return null;
    }

    /** Answers one request. Never throws. */
    public ApiResponse handle(ApiRequest request) {
        long start = System.nanoTime();
        UnreadBody body = new UnreadBody(request.body());
        ApiResponse response = answer(new ApiRequest(request.method(), request.path(), request.query(),
                request::header, body, request.remoteAddress()));
        body.drain();
        if (metrics != ApiMetrics.none()) {
            metrics.answered(request.method(), routeTemplate(request.path()), response.status(),
                    System.nanoTime() - start);
        }
        return response;
    }

    /** The template of the route {@code path} matches, whatever the method, for metrics. */
    private String routeTemplate(String path) {
        Mount mount = mountOf(path);
        if (mount != null) {
            String relative = relativeTo(mount.path(), path);
            for (Route route : mount.routes()) {
                if (route.match(relative) != null) {
                    return mount.path() + route.pattern();
                }
            }
            return ApiMetrics.UNMATCHED;
        }
        return ui != null && relativeTo(ui.mount(), path) != null ? ui.mount() + "/**" : ApiMetrics.UNMATCHED;
    }

    private ApiResponse answer(ApiRequest request) {
        if (request.method().equals("HEAD")) {
            // HEAD is GET without the body (RFC 9110 9.3.2): the same checks, status and headers
            // (ETag, Content-Type), so a client can test for a post-mortem or its version cheaply.
            // Content-Length is GET's: left to the container, it would say 0.
            ApiResponse get = answer(new ApiRequest("GET", request.path(), request.query(), request::header,
                    request.body(), request.remoteAddress()));
            Map<String, String> headers = new LinkedHashMap<>(get.headers());
            headers.put("Content-Length", Integer.toString(get.body().length));
            return new ApiResponse(get.status(), headers, null);
        }
        String requestId = requestId(request);
        String outerRequestId = MDC.get(PostMortemService.REQUEST_ID_MDC_KEY);
        MDC.put(PostMortemService.REQUEST_ID_MDC_KEY, requestId); // names the request in every log line it causes
        ApiResponse response;
        try {
            response = dispatch(request);
        } catch (RuntimeException e) {
            Problem problem = ExceptionProblems.of(e, Preconditions.hasIfMatch(request));
            if (problem != null && problem.status() == 503) {
                LOG.warn("Request {} {} {} answered 503: {}", requestId, request.method(), request.path(),
                        e.getMessage());
            }
            if (problem == null) {
                LOG.error("Request {} {} {} failed unexpectedly", requestId, request.method(), request.path(), e);
                problem = Problem.of(500, "internal-error", "Internal error",
                        "The server failed to answer this request. Quote request id " + requestId
                                + " when reporting it.").with("requestId", requestId);
            }
            response = problemResponse(problem, request.path());
        } finally {
            if (outerRequestId == null) {
                MDC.remove(PostMortemService.REQUEST_ID_MDC_KEY);
            } else {
                MDC.put(PostMortemService.REQUEST_ID_MDC_KEY, outerRequestId);
            }
        }
        return withStandardHeaders(response, requestId);
    }

    /**
     * The problem document for an error the web server raised before the request reached this
     * API (a malformed URI, a request line or headers too large, no route): bindings answer those
     * with it, so that every error a client sees is {@code application/problem+json}.
     *
     * @param path the request's path as far as it could be read, or {@code null}
     */
    public ApiResponse containerError(int status, String path) {
        Problem problem = ContainerErrors.problem(status);
        return withStandardHeaders(problemResponse(problem, path), UUID.randomUUID().toString());
    }

    private ApiResponse dispatch(ApiRequest request) {
        String uiRelative = ui == null ? null : relativeTo(ui.mount(), request.path());
        if (uiRelative != null && !ui.isPage(uiRelative)) {
            ApiResponse asset = request.method().equals("GET") ? ui.asset(uiRelative) : null;
            if (asset == null) {
                throw Problem.of(404, "not-found", "Not found", "No such resource: " + request.path()).raise();
            }
            return asset;
        }
        Mount mount = mountOf(request.path());
        String relative = mount == null ? null : relativeTo(mount.path(), request.path());
        List<Route> routes = mount == null ? List.of() : mount.routes();
        if (relative == null && uiRelative == null) {
            throw Problem.of(404, "not-found", "Not found", "No such resource: " + request.path()).raise();
        }
        Optional<Actor> actor = actors.resolve(request);
        if (actor.isEmpty()) {
            throw Problem.unauthenticated().header("WWW-Authenticate", actors.challenge()).raise();
        }
        if (uiRelative != null) {
            // the page itself: asking for the identity first makes the browser show its sign-in
            if (!request.method().equals("GET")) {
                throw Problem.of(405, "method-not-allowed", "Method not allowed", "Only GET is allowed on "
                        + request.path() + ".").header("Allow", "GET").raise();
            }
            return ui.page(actor.get(), csrfTokens.tokenFor(request));
        }
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(relative);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                refuseUnknownParameters(request, route);
                return route.handler().handle(new Exchange(request, actor.get(), parameters, json, bodies,
                        maxBodyBytes));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty() && request.method().equals("OPTIONS")) {
            return ApiResponse.status(204).header("Allow", String.join(", ", allowed)).build();
        }
        if (!allowed.isEmpty()) {
            throw Problem.of(405, "method-not-allowed", "Method not allowed", request.method() + " is not allowed on "
                    + request.path() + "; allowed: " + String.join(", ", allowed) + ".")
                    .header("Allow", String.join(", ", allowed)).raise();
        }
        throw Problem.of(404, "not-found", "Not found", "No such resource: " + request.path()).raise();
    }

    /** Unknown query parameters are refused, on every route: a typo must not be silently ignored. */
    private static void refuseUnknownParameters(ApiRequest request, Route route) {
        List<String> unknown = request.query().keySet().stream().filter(name -> !route.parameters().contains(name))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            String known = route.parameters().isEmpty() ? "this resource takes none"
                    : "known: " + String.join(", ", route.parameters().stream().sorted().toList());
            throw Problem.invalid(unknown.stream().map(name -> new FieldError(name,
                    "is not a known query parameter; " + known)).toList()).raise();
        }
    }

    /** The rest of {@code path} below {@code mount} ("" for the mount itself), or null when outside it. */
    private static String relativeTo(String mount, String path) {
        if (path.equals(mount) || path.equals(mount + "/")) {
            return "";
        }
        return path.startsWith(mount + "/") ? path.substring(mount.length()) : null;
    }

    private ApiResponse problemResponse(Problem problem, String path) {
        ApiResponse.Builder response = ApiResponse.status(problem.status());
        problem.headers().forEach(response::header);
        return response.body("application/problem+json", json.write(problem, path)).build();
    }

    private static String requestId(ApiRequest request) {
        String given = request.header("X-Request-Id");
        return given != null && CLIENT_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** {@code X-Request-Id} and the {@link SecurityHeaders} every answer carries. */
    private static ApiResponse withStandardHeaders(ApiResponse response, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("X-Request-Id", requestId);
        SecurityHeaders.addTo(headers);
        return new ApiResponse(response.status(), headers, response.body());
    }

    /** Routes under one mount point. */
    private record Mount(String path, List<Route> routes) {
    }

    /** Configures the API; every setting has the documented default. */
    public static final class Builder {
        private final PostMortemService service;
        private final ActorResolver actors;
        private String basePath = DEFAULT_BASE_PATH;
        private String templatesPath = DEFAULT_TEMPLATES_PATH;
        private String incidentsPath = DEFAULT_INCIDENTS_PATH;
        private String insightsPath = DEFAULT_INSIGHTS_PATH;
        private String actionItemsPath = DEFAULT_ACTION_ITEMS_PATH;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String uiPath = DEFAULT_UI_PATH;
        private ApiMetrics metrics = ApiMetrics.none();
        private CsrfTokenSource csrfTokens = CsrfTokenSource.none();

        private Builder(PostMortemService service, ActorResolver actors) {
            this.service = Objects.requireNonNull(service, "service");
            this.actors = Objects.requireNonNull(actors, "actors");
        }

        /** Where to mount the post-mortems; default {@value #DEFAULT_BASE_PATH}. */
        public Builder basePath(String path) {
            basePath = mountPoint(path);
            return this;
        }

        /** Where to mount the template catalog; default {@value #DEFAULT_TEMPLATES_PATH}. */
        public Builder templatesPath(String path) {
            templatesPath = mountPoint(path);
            return this;
        }

        /** Where to mount the incident catalog; default {@value #DEFAULT_INCIDENTS_PATH}. */
        public Builder incidentsPath(String path) {
            incidentsPath = mountPoint(path);
            return this;
        }

        /** Where to mount the action items across post-mortems; default {@value #DEFAULT_ACTION_ITEMS_PATH}. */
        public Builder actionItemsPath(String path) {
            actionItemsPath = mountPoint(path);
            return this;
        }

        /** Where to mount the figures across post-mortems; default {@value #DEFAULT_INSIGHTS_PATH}. */
        public Builder insightsPath(String path) {
            insightsPath = mountPoint(path);
            return this;
        }

        /** The largest request body accepted; larger ones get 413. Default 1 MiB. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            maxBodyBytes = bytes;
            return this;
        }

        /** Where to serve the web UI; default {@value #DEFAULT_UI_PATH}; {@code null} switches it off. */
        public Builder uiPath(String path) {
            uiPath = path == null ? null : mountPoint(path);
            return this;
        }

        /**
         * Where to report each answered request, such as
         * {@link dev.postmortem.http.micrometer.MicrometerApiMetrics}; default: nowhere.
         */
        public Builder metrics(ApiMetrics value) {
            metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /**
         * Where the web UI finds the host's CSRF token, which it sends back on its writes; default:
         * none. The Spring Boot starter sets Spring Security's.
         */
        public Builder csrfTokens(CsrfTokenSource value) {
            csrfTokens = Objects.requireNonNull(value, "csrfTokens");
            return this;
        }

        private static String mountPoint(String path) {
            Objects.requireNonNull(path, "path");
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (!trimmed.startsWith("/") || trimmed.length() < 2) {
                throw new IllegalArgumentException("a mount point starts with / and is not the root: " + path);
            }
            return trimmed;
        }

        /** The API; its mount points must differ. */
        public PostMortemHttpApi build() {
            if (Set.of(basePath, templatesPath, incidentsPath, actionItemsPath, insightsPath).size() < 5) {
                throw new IllegalArgumentException("the post-mortems, the templates, the incidents, the action items"
                        + " and the insights need different paths: " + basePath + ", " + templatesPath + ", "
                        + incidentsPath + ", " + actionItemsPath + ", " + insightsPath);
            }
            return new PostMortemHttpApi(this);
        }
    }
}

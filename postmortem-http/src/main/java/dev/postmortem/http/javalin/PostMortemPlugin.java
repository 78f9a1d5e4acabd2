package dev.postmortem.http.javalin;

import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.Objects;

/**
 * Mounts the {@link PostMortemHttpApi} on a Javalin 7 app. Every request under the API's
 * mount points goes to the neutral layer, which does the routing, so this class only copies
 * requests in and responses out. Errors Jetty raises itself under those mount points (a
 * malformed URI, headers too large) are answered with the API's problem documents too.
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new PostMortemPlugin(api))).start(7070);
 * }</pre>
 */
public final class PostMortemPlugin extends io.javalin.plugin.Plugin<Void> {

    /**
     * Every method, so that the neutral layer answers all of them (405, OPTIONS) and Javalin
     * none: Javalin routes by {@code X-HTTP-Method-Override} when a request carries it, and
     * would otherwise answer HEAD itself, 200 and empty, without running the handler.
     */
    private static final List<HandlerType> METHODS = HandlerType.values().stream()
            .filter(HandlerType::isHttpMethod).filter(method -> method != HandlerType.CONNECT).toList();

    private final PostMortemHttpApi api;
    private final boolean wholeServer;

    /** The API at its mount points, beside whatever else the app serves. */
    public PostMortemPlugin(PostMortemHttpApi api) {
        this(api, false);
    }

    private PostMortemPlugin(PostMortemHttpApi api, boolean wholeServer) {
        this.api = Objects.requireNonNull(api, "api");
        this.wholeServer = wholeServer;
    }

    /**
     * The API as the whole server: every other path is a 404 problem and every error Jetty
     * raises is a problem document, as on the standalone server.
     */
    public static PostMortemPlugin asWholeServer(PostMortemHttpApi api) {
        return new PostMortemPlugin(api, true);
    }

    @Override
    public void onStart(JavalinState state) {
        List<String> mounts = wholeServer ? List.of("")
                : api.uiPath() == null ? api.apiPaths()
                : Stream.concat(api.apiPaths().stream(), Stream.of(api.uiPath())).toList();
        for (String mount : mounts) {
            for (HandlerType method : METHODS) {
                state.routes.addHttpHandler(method, mount.isEmpty() ? "/" : mount, this::handle);
                state.routes.addHttpHandler(method, mount + "/<rest>", this::handle);
            }
        }
        if (wholeServer) {
            // a method Javalin has no route for (PROPFIND, BREW) reaches no handler above
            state.routes.exception(EndpointNotFound.class, (notFound, ctx) -> {
                try {
                    handle(ctx);
                } catch (IOException clientGone) {
                    throw new UncheckedIOException(clientGone);
                }
            });
        }
        state.jetty.modifyServer(server -> server.setErrorHandler(
                new ProblemErrorHandler(api, wholeServer, server.getErrorHandler())));
    }

    @Override
    public String name() {
        return "postmortem";
    }

    private void handle(Context ctx) throws IOException {
        // the method of the request line: ctx.method() honours X-HTTP-Method-Override, which
        // would let a GET that a gateway lets through delete a post-mortem
        ApiRequest request = new ApiRequest(ctx.req().getMethod(), ctx.path(), ctx.queryParamMap(), ctx::header,
                ctx::bodyInputStream, ctx.req().getRemoteAddr());
        ApiResponse response = api.handle(request);
        ctx.status(response.status());
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                ctx.contentType(value);
            } else {
                ctx.header(name, value);
            }
        });
        // Straight onto the response's stream: ctx.result(bytes) has Javalin copy them through a
        // new buffer of up to 32 KB per response, a quarter of what serving a list page allocated
        // (async-profiler, benchmarks/load.sh list). It is the same (gzipping) stream Javalin
        // would copy into, so the bytes on the wire do not change (ServerCompressionTest).
        if (response.body().length > 0) {
            ctx.outputStream().write(response.body());
        } else if (response.contentType() == null) {
            // Javalin types every response with its default (text/plain); an answer without a
            // body (204, 304) has no content to type, and the Spring binding sends none.
            ctx.res().setContentType(null);
        }
    }
}

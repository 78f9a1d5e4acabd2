package dev.postmortem.http.javalin;

import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.plugin.Plugin;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Mounts the {@link PostMortemHttpApi} on a Javalin 7 app. Every request under the API's two
 * mount points goes to the neutral layer, which does the routing, so this class only copies
 * requests in and responses out.
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new PostMortemPlugin(api))).start(7070);
 * }</pre>
 */
public final class PostMortemPlugin extends Plugin<Void> {

    /**
     * Every method the API might answer, so that the neutral layer can also answer 405. HEAD
     * too: without a HEAD route Javalin answers a HEAD itself, 200 and empty, whenever a GET
     * route matches, without running the handler (so without credentials, for any id).
     */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final PostMortemHttpApi api;

    public PostMortemPlugin(PostMortemHttpApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public void onStart(JavalinState state) {
        List<String> mounts = api.uiPath() == null ? List.of(api.basePath(), api.templatesPath())
                : List.of(api.basePath(), api.templatesPath(), api.uiPath());
        for (String mount : mounts) {
            for (HandlerType method : METHODS) {
                state.routes.addHttpHandler(method, mount, this::handle);
                state.routes.addHttpHandler(method, mount + "/<rest>", this::handle);
            }
        }
    }

    @Override
    public String name() {
        return "postmortem";
    }

    private void handle(Context ctx) throws IOException {
        ApiRequest request = new ApiRequest(ctx.method().name(), ctx.path(), ctx.queryParamMap(), ctx::header,
                ctx::bodyInputStream);
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
        // (async-profiler, tenth session). It is the same (gzipping) stream Javalin would copy
        // into, so the bytes on the wire do not change (ServerCompressionTest).
        if (response.body().length > 0) {
            ctx.outputStream().write(response.body());
        } else if (response.contentType() == null) {
            // Javalin types every response with its default (text/plain); an answer without a
            // body (204, 304) has no content to type, and the Spring binding sends none.
            ctx.res().setContentType(null);
        }
    }
}

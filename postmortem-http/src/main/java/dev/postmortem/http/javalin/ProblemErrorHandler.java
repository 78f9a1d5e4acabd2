package dev.postmortem.http.javalin;

import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests it refuses before any handler runs (a malformed URI, a request
 * line or headers too large): the API's problem documents instead of Jetty's HTML pages, for
 * paths under the API's mount points, or for every path when the API is the whole server.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final PostMortemHttpApi api;
    private final boolean wholeServer;
    private final Request.Handler fallback;

    ProblemErrorHandler(PostMortemHttpApi api, boolean wholeServer, Request.Handler fallback) {
        this.api = api;
        this.wholeServer = wholeServer;
        this.fallback = fallback;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = path(request);
        if (!wholeServer && (path == null || !api.serves(path)) && fallback != null) {
            return fallback.handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Jetty's default writes no body for PATCH or DELETE: a problem is still due
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ApiResponse problem = api.containerError(code, path(request));
        response.setStatus(problem.status());
        problem.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(problem.body()), callback);
    }

    /** A request so malformed that Jetty has no request for it (the parser's own refusals). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (!wholeServer) {
            return super.badMessageError(status, reason, fields);
        }
        ApiResponse problem = api.containerError(status, null);
        problem.headers().forEach((name, value) -> fields.put(new HttpField(name, value)));
        fields.put(HttpHeader.CONTENT_TYPE, problem.contentType());
        return ByteBuffer.wrap(problem.body());
    }

    /**
     * The path as sent (still percent-encoded: the decoded one may be what was refused), or
     * {@code null} when Jetty could not read it and names the request {@value #UNREADABLE}.
     */
    private static String path(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        return UNREADABLE.equals(path) ? null : path;
    }

    private static final String UNREADABLE = "/badMessage";
}

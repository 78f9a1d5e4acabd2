package dev.postmortem.spring;

import dev.postmortem.http.PostMortemHttpApi;
import java.io.IOException;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error page for requests it refuses before any servlet runs (a malformed URI, a
 * request line or headers too large): the API's problem document for paths under its mount
 * points and for requests whose path could not be read, Tomcat's page (with the settings of
 * the valve it replaces) for any other path.
 */
final class TomcatProblemErrorReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatProblemErrorReportValve.class);

    private final PostMortemHttpApi api;

    private TomcatProblemErrorReportValve(PostMortemHttpApi api, ErrorReportValve replaced) {
        this.api = api;
        if (replaced != null) {
            setShowReport(replaced.isShowReport());
            setShowServerInfo(replaced.isShowServerInfo());
        }
    }

    /** Puts this valve in place of every error report valve of {@code host}. */
    static void install(Host host, PostMortemHttpApi api) {
        ErrorReportValve replaced = null;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve report && !(valve instanceof TomcatProblemErrorReportValve)) {
                replaced = replaced == null ? report : replaced;
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new TomcatProblemErrorReportValve(api, replaced));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getCoyoteRequest().requestURI().toString();
        int status = response.getStatus();
        // No path: a request line Tomcat could not read at all (too long, not HTTP); nobody's page.
        boolean ours = path == null || path.isEmpty() || api.serves(path);
        if (status >= 400 && ours && response.getContentWritten() == 0 && response.setErrorReported()) {
            try {
                ApiErrorDispatchFilter.write(api.containerError(status, path == null || path.isEmpty() ? null : path),
                        response.getResponse());
            } catch (IOException e) {
                LOG.debug("Could not send the problem for a refused request to {}", path, e); // client gone
            }
            return;
        }
        super.report(request, response, throwable);
    }
}

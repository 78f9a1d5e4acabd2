package dev.postmortem.spring;

import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs on the servlet container's error dispatch (to Boot's {@code /error}) and answers it
 * with the API's problem document when the failed request was under the API's mount points:
 * Tomcat's refusal of TRACE, Spring Security's rejection of a malformed path, or any other
 * {@code sendError} before the API saw the request. Other paths keep the host's error page.
 */
public class ApiErrorDispatchFilter implements Filter {

    private final PostMortemHttpApi api;

    public ApiErrorDispatchFilter(PostMortemHttpApi api) {
        this.api = api;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (uri instanceof String path && status instanceof Integer code && api.serves(path)
                && response instanceof HttpServletResponse http && !http.isCommitted()) {
            write(api.containerError(code, path), http);
            return;
        }
        chain.doFilter(request, response);
    }

    static void write(ApiResponse answer, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        response.flushBuffer();
    }
}

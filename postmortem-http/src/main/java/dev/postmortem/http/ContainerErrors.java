package dev.postmortem.http;

/** What an error status raised by the web server itself means, as a problem. */
final class ContainerErrors {

    private ContainerErrors() {
    }

    static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request",
                    "The request could not be read: its URI or headers are malformed.");
            // the host's authentication refused it before the API saw it (its WWW-Authenticate stays)
            case 401 -> Problem.unauthenticated();
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "The server refused this request for this caller.");
            case 404 -> Problem.of(404, "not-found", "Not found", "No such resource.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This method is not allowed here.");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
            case 414 -> Problem.of(414, "uri-too-long", "URI too long", "The request URI is longer than"
                    + " the server accepts.");
            case 431 -> Problem.of(431, "headers-too-large", "Request header fields too large",
                    "The request's headers are larger than the server accepts.");
            case 503 -> Problem.of(503, "unavailable", "Service unavailable", "The post-mortems cannot be read or"
                    + " stored right now; nothing was changed. Try again shortly.")
                    .header("Retry-After", Integer.toString(ExceptionProblems.RETRY_AFTER_SECONDS));
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "Internal error", "The server failed to answer this"
                            + " request.")
                    : Problem.of(status, "bad-request", "Bad request", "The server refused this request.");
        };
    }
}

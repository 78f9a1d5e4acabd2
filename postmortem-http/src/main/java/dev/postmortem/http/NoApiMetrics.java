package dev.postmortem.http;

/** {@link ApiMetrics#none()}: a type of its own, so that the API can skip finding the route. */
enum NoApiMetrics implements ApiMetrics {
    INSTANCE;

    @Override
    public void answered(String method, String route, int status, long nanos) {
    }
}

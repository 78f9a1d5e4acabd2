package dev.postmortem.http;

/**
 * Told of every request the API answered, for a host's metrics: {@link dev.postmortem.http.micrometer.MicrometerApiMetrics}
 * records them in a Micrometer registry. Called on the request's thread once it is answered.
 */
@FunctionalInterface
public interface ApiMetrics {

    /** The route of a request that matched none, so that unknown paths add no series. */
    String UNMATCHED = "UNMATCHED";

    /**
     * @param method the request's method
     * @param route the route template it matched, such as {@code /api/postmortems/{id}}, or
     *     {@link #UNMATCHED}: never the path itself, which would make a series per id
     * @param status the answer's status
     * @param nanos the time from receiving the request to the answer
     */
    void answered(String method, String route, int status, long nanos);

    /** Records nothing (the default). */
    static ApiMetrics none() {
        return NoApiMetrics.INSTANCE;
    }
}

package dev.postmortem.server;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The server's metrics for Prometheus to scrape, at {@code /metrics} on a port of its own, so
 * that the API's port never answers without credentials: the API's requests by route and the
 * post-mortems created and published. Off unless {@code POSTMORTEM_PROMETHEUS_PORT} is set.
 */
final class PrometheusEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    static PrometheusEndpoint start(String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for metrics on " + host + ":" + port, e);
        }
        PrometheusEndpoint endpoint = new PrometheusEndpoint(server);
        server.createContext("/metrics", exchange -> {
            byte[] body = exchange.getRequestMethod().equals("GET")
                    ? endpoint.registry.scrape().getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 405, body.length == 0
                    ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return endpoint;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}

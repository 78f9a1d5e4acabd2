package dev.postmortem.http;

import java.util.Map;

/**
 * The headers every answer carries unless its handler chose its own: incident data is
 * neither sniffed into another type, framed by another site, cached, nor leaked through the
 * referrer of a link in it.
 */
final class SecurityHeaders {

    /**
     * Documents, lists, exports and problems hold a tenant's incident data: {@code no-store}
     * keeps them out of browser and proxy caches after the user signs out; a client that keeps
     * a copy itself still revalidates it with {@code If-None-Match}. The UI's own files say
     * {@code no-cache} instead: they are code, not data.
     */
    static final String CACHE_CONTROL = "no-store";

    /** For answers that set no policy of their own: JSON loads nothing and may not be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(Map<String, String> headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.putIfAbsent("Cache-Control", CACHE_CONTROL);
        headers.putIfAbsent("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}

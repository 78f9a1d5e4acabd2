package dev.postmortem.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body, opened at most once, and read to its end after the answer when the API
 * answered without needing it (401, 404, 405, 415, a refused parameter): a server that closes
 * a connection with unread request bytes makes the client's TCP stack drop the answer (a reset
 * instead of the 4xx). Bodies longer than the drain limit are left; their connection closes.
 */
final class UnreadBody implements ApiRequest.Body {

    /** The most that is read and dropped to deliver an answer: eight times the default body limit. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private final ApiRequest.Body body;
    private InputStream opened;

    UnreadBody(ApiRequest.Body body) {
        this.body = body;
    }

    /** The body's stream; closing it leaves it open for {@link #drain()}. */
    @Override
    public InputStream open() throws IOException {
        if (opened == null) {
            opened = body.open();
        }
        return new FilterInputStream(opened) {
            @Override
            public void close() {
                // drain() reads the rest and closes it
            }
        };
    }

    /** Reads and drops what is left of the body, up to {@link #DRAIN_LIMIT}; a client gone is no error. */
    void drain() {
        try (InputStream in = opened != null ? opened : body.open()) {
            if (in.read() < 0) {
                return; // most requests: nothing left, and no buffer to allocate
            }
            byte[] buffer = new byte[8192];
            long left = DRAIN_LIMIT;
            for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (IOException clientGone) {
            // nothing to deliver the answer to; the binding notices when it writes
        }
    }
}

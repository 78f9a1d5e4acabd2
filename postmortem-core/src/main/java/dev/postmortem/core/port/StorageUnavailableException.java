package dev.postmortem.core.port;

/**
 * The storage cannot serve the request now (the disk is full, the database is read-only, down
 * or out of connections), and a later attempt may succeed. Nothing was written. A storage
 * adapter throws it instead of its own failure so that callers can answer "try again later"
 * (HTTP 503) rather than report a bug.
 */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

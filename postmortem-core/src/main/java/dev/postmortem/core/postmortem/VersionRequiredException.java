package dev.postmortem.core.postmortem;

import java.util.List;

/**
 * A write that replaces a whole list (timeline, action items, contributors) came without the
 * version it was based on. Applied to whatever is current it would silently drop what another
 * writer added meanwhile, so it is refused: send the version, or add, edit and remove single
 * elements, which need none.
 */
public class VersionRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    public VersionRequiredException(List<String> fields) {
        super("Replacing " + String.join(", ", fields) + " needs the version the change is based on (HTTP:"
                + " If-Match with the ETag you read); to add, edit or remove one element without a version,"
                + " use the element's own endpoint.");
        this.fields = List.copyOf(fields);
    }

    /** The lists the write would replace. */
    public List<String> fields() {
        return fields;
    }
}

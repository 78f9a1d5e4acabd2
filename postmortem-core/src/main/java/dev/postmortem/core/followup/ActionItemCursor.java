package dev.postmortem.core.followup;

import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.Priority;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque {@code nextCursor} of the list of action items: where the last page ended. */
final class ActionItemCursor {

    private static final String VERSION = "a1";
    private static final String NO_DATE = "-";

    private ActionItemCursor() {
    }

    static String encode(ActionItemPosition position) {
        String text = VERSION + ":" + (position.dueDate() == null ? NO_DATE : position.dueDate()) + ":"
                + position.priority() + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or {@code null} with an error on {@code cursor} when the server did not issue it. */
    static ActionItemPosition decode(String cursor, List<FieldError> errors) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 4 && parts[0].equals(VERSION)) {
                UUID id = UUID.fromString(parts[3]);
                if (id.toString().equals(parts[3])) {
                    return new ActionItemPosition(parts[1].equals(NO_DATE) ? null : LocalDate.parse(parts[1]),
                            Priority.valueOf(parts[2]), id);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError("cursor", "is not a cursor this server issued; start from the first page"));
        return null;
    }
}

package dev.postmortem.core.review;

import dev.postmortem.core.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The opaque cursor of a comment page: base64url of {@code c1:<epochSecond>:<nano>:<id>}. */
final class CommentCursor {

    private CommentCursor() {
    }

    static String encode(CommentPosition position) {
        String text = "c1:" + position.createdAt().getEpochSecond() + ":" + position.createdAt().getNano() + ":"
                + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} for {@code null}; a cursor this server did not issue is a 400 on {@code cursor}. */
    static CommentPosition decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 4 && parts[0].equals("c1")) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                UUID id = UUID.fromString(parts[3]);
                if (id.toString().equals(parts[3])) {
                    return new CommentPosition(at, id);
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below, as every other cursor this server did not issue
        }
        throw InvalidInputException.of("cursor", "is not a cursor this server issued; start again without one");
    }
}

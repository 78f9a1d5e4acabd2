package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of the listing: a versioned, URL-safe encoding of the last row's
 * position (sorted by relevance: of how many hits were shown). Opaque so that clients do not build them and we may change the format; a cursor
 * that does not decode is bad input, never a crash.
 */
final class ListCursor {

    private static final Pattern FORMAT =
            Pattern.compile("v1:(-?\\d{1,19}):(\\d{1,9}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private static final Pattern SKIP = Pattern.compile("r1:(\\d{1,6})");

    private ListCursor() {
    }

    static String encode(ListPosition position) {
        String raw = "v1:" + position.createdAt().getEpochSecond() + ":" + position.createdAt().getNano() + ":"
                + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of a page sorted by relevance: how many hits the pages before it showed. */
    static String encodeSkip(int skip) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("r1:" + skip).getBytes(StandardCharsets.US_ASCII));
    }

    static int decodeSkip(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            Matcher matcher = SKIP.matcher(raw);
            if (matcher.matches()) {
                int skip = Integer.parseInt(matcher.group(1));
                if (skip <= ListSort.MAX_RELEVANCE_HITS) {
                    return skip;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: reported below as bad input
        }
        throw InvalidInputException.of("cursor", "is not a cursor of a search sorted by relevance; use the"
                + " nextCursor of a previous page with the same sort, or leave it out for the first page");
    }

    static ListPosition decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            Matcher matcher = FORMAT.matcher(raw);
            if (matcher.matches()) {
                Instant createdAt = Instant.ofEpochSecond(Long.parseLong(matcher.group(1)),
                        Long.parseLong(matcher.group(2)));
                // every stored createdAt is inside the supported years; a position outside was made up
                if (Limits.isSupportedYear(createdAt.atOffset(ZoneOffset.UTC).getYear())) {
                    return new ListPosition(createdAt, UUID.fromString(matcher.group(3)));
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // fall through: reported below as bad input
        }
        throw InvalidInputException.of("cursor", "is not a cursor this server issued; use the nextCursor of a"
                + " previous page, or leave it out for the first page");
    }
}

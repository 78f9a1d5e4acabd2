package dev.postmortem.core.history;

import dev.postmortem.core.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a history page: base64url of {@code h1:<last version listed>}. */
final class HistoryCursor {

    private HistoryCursor() {
    }

    static String encode(long version) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("h1:" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code 0} for {@code null}; a cursor this server did not issue is a 400 on {@code cursor}. */
    static long decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("h1:")) {
                long version = Long.parseLong(text.substring(3));
                if (version > 0) {
                    return version;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below, as every other cursor this server did not issue
        }
        throw InvalidInputException.of("cursor", "is not a cursor this server issued; start again without one");
    }
}

package dev.postmortem.core.model;

import java.util.Locale;

/**
 * What text the product stores: valid Unicode (no unpaired surrogate) without control
 * characters other than tab, line feed and carriage return. PostgreSQL refuses NUL and would
 * store an unpaired surrogate as {@code ?}, so text outside this rule could not be read back
 * as it was acknowledged; it is refused on every database alike.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} cannot be stored, or {@code null} when it can (and for {@code null}). */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text; it has an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at character " + i;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters other than tab and line breaks; it has U+"
                        + String.format("%04X", (int) c) + " at character " + i;
            }
        }
        return null;
    }
}

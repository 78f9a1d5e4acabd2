package dev.postmortem.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One HTTP Basic user of the standalone server. The password is kept only as long as needed to digest it. */
record UserAccount(String email, String password, boolean admin) {

    /**
     * Reads {@code email:password[:admin],...}. The password may itself contain colons; a
     * trailing {@code :admin} marks an administrator.
     */
    static List<UserAccount> parseAll(String spec) {
        List<UserAccount> users = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("POSTMORTEM_USERS entries must look like email:password[:admin];"
                        + " one entry has no email or no password");
            }
            String email = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            String password = trimmed.substring(colon + 1);
            boolean admin = password.endsWith(":admin");
            if (admin) {
                password = password.substring(0, password.length() - ":admin".length());
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("POSTMORTEM_USERS: user " + email + " has an empty password");
            }
            if (!seen.add(email)) {
                throw new IllegalArgumentException("POSTMORTEM_USERS: user " + email + " is listed twice");
            }
            users.add(new UserAccount(email, password, admin));
        }
        return List.copyOf(users);
    }

    @Override
    public String toString() {
        return "UserAccount[" + email + (admin ? ", admin" : "") + "]"; // never the password
    }
}

package dev.postmortem.core.access;

import dev.postmortem.core.model.Limits;
import dev.postmortem.core.model.PlainText;
import java.util.Locale;
import java.util.Objects;

/**
 * Who is calling, as the host platform knows them. Every use case takes one; the host
 * resolves it from its own authentication.
 *
 * @param id the user's stable id, normally their e-mail address; compared case-insensitively
 * @param displayName how to show the user to people
 * @param admin whether the user administers the tenant (sees drafts, edits everything)
 * @param tenantId the workspace the user works in; no data of another tenant is ever visible
 */
public record Actor(String id, String displayName, boolean admin, String tenantId) {

    public Actor {
        requireText(id, "id", Limits.ACTOR_ID);
        requireText(tenantId, "tenantId", Limits.TENANT_ID);
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }

    /** A user who is not an admin, shown by their id. */
    public static Actor user(String id, String tenantId) {
        return new Actor(id, id, false, tenantId);
    }

    /** An admin of the tenant, shown by their id. */
    public static Actor admin(String id, String tenantId) {
        return new Actor(id, id, true, tenantId);
    }

    /** Whether {@code userId} (an e-mail, an owner name) names this actor. */
    public boolean is(String userId) {
        return userId != null && id.toLowerCase(Locale.ROOT).equals(userId.toLowerCase(Locale.ROOT));
    }

    /** The host names actors; a value storage cannot hold is a host's bug, reported at once. */
    private static void requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
        String problem = PlainText.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(name + " " + problem);
        }
    }
}
